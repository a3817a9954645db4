package org.align3d.synth;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** The generator's promises: captions agree with attributes, splits hold out what they claim, groups differ once. */
public class Align3dSynthTest {

    private static final Align3dSynth SYNTH = new Align3dSynth();
    private static final List<SampleSpec> SAMPLES = SYNTH.plan(11, 4000);

    @Test
    public void atLeastThirtyCategoriesAllGenerated() {
        assertTrue(SYNTH.categories().size() >= 30);
        Set<String> seen = new HashSet<>();
        SAMPLES.forEach(s -> seen.add(s.category()));
        assertEquals(SYNTH.categories().size(), seen.size());
        assertEquals(4000, SAMPLES.size());
        assertEquals(4000, SAMPLES.stream().map(SampleSpec::id).distinct().count());
    }

    @Test
    public void planIsDeterministicForASeed() {
        assertEquals(SAMPLES, SYNTH.plan(11, 4000));
        assertFalse(SAMPLES.equals(SYNTH.plan(12, 4000)));
        // a shorter dataset is a prefix of a longer one with the same seed; only a hard-negative group cut short at
        // its end (down to one member) loses its id
        List<SampleSpec> shorter = SYNTH.plan(11, 100);
        for (int i = 0; i < shorter.size(); i++) {
            SampleSpec longer = SAMPLES.get(i), cut = shorter.get(i);
            assertEquals(new SampleSpec(cut.id(), cut.category(), cut.attributes(), cut.geometrySeed(), cut.captions(),
                cut.split(), cut.hardNegativeGroup() == null ? longer.hardNegativeGroup() : cut.hardNegativeGroup()),
                longer);
        }
    }

    @Test
    public void fineCaptionNamesEveryAttributeValueAndNothingElse() {
        for (SampleSpec s : SAMPLES) {
            Category category = SYNTH.category(s.category());
            CaptionParser parser = new CaptionParser(category);
            List<Caption> captions = s.captions();
            assertEquals(CaptionWriter.LEVELS, captions.size());
            Map<String, Set<String>> fine = parser.parse(captions.get(captions.size() - 1).text());
            for (Attribute a : category.attributes()) {
                assertEquals(s.id() + ": '" + captions.get(3).text() + "' for " + a.name(),
                        Set.of(s.attributes().get(a.name())), fine.get(a.name()));
            }
            // coarser captions may leave attributes out but never contradict them
            for (Caption c : captions) {
                for (Map.Entry<String, Set<String>> e : parser.parse(c.text()).entrySet()) {
                    assertEquals(s.id() + ": '" + c.text() + "'", Set.of(s.attributes().get(e.getKey())), e.getValue());
                }
            }
            assertTrue(captions.get(0).text(), category.nouns().stream().anyMatch(n -> captions.get(0).text().endsWith(n)));
        }
    }

    @Test
    public void captionsGetMoreSpecificFromCoarseToFine() {
        for (SampleSpec s : SAMPLES) {
            CaptionParser parser = new CaptionParser(SYNTH.category(s.category()));
            assertTrue(parser.parse(s.captions().get(0).text()).isEmpty());
            assertTrue(parser.parse(s.captions().get(2).text()).size() <= parser.parse(s.captions().get(3).text()).size());
        }
    }

    @Test
    public void heldOutCombinationsNeverReachTraining() {
        Map<String, Set<List<String>>> pairsBySplit = new HashMap<>();
        Map<String, Set<String>> trainValues = new HashMap<>();
        for (SampleSpec s : SAMPLES) {
            Category c = SYNTH.category(s.category());
            String a = c.attributes().get(0).name(), b = c.attributes().get(1).name();
            List<String> pair = List.of(s.category(), s.attributes().get(a), s.attributes().get(b));
            pairsBySplit.computeIfAbsent(s.split().id(), k -> new HashSet<>()).add(pair);
            assertEquals(SYNTH.splits().split(c, s.attributes()), s.split());
            if (s.split() == Split.TRAIN) {
                trainValues.computeIfAbsent(s.category() + "/" + a, k -> new HashSet<>()).add(s.attributes().get(a));
                trainValues.computeIfAbsent(s.category() + "/" + b, k -> new HashSet<>()).add(s.attributes().get(b));
            }
        }
        Set<List<String>> train = pairsBySplit.get("train");
        for (String held : List.of("val", "test")) {
            for (List<String> pair : pairsBySplit.get(held)) {
                assertFalse(held + " combination " + pair + " is in train", train.contains(pair));
            }
        }
        // but every single value of the split pair is seen in training
        for (Category c : SYNTH.categories()) {
            for (int i = 0; i < 2; i++) {
                Attribute a = c.attributes().get(i);
                assertEquals(c.name() + "/" + a.name(), new HashSet<>(a.valueNames()),
                        trainValues.get(c.name() + "/" + a.name()));
            }
        }
        long test = SAMPLES.stream().filter(s -> s.split() == Split.TEST).count();
        long val = SAMPLES.stream().filter(s -> s.split() == Split.VAL).count();
        assertTrue("test " + test, test > 400 && test < 1200);
        assertTrue("val " + val, val > 200 && val < 1000);
    }

    @Test
    public void heldOutPhrasingsOnlyOutsideTraining() {
        Set<String> heldOut = new HashSet<>();
        for (CaptionTemplate t : CaptionTemplate.values()) {
            if (t.heldOut()) {
                heldOut.add(t.id());
            }
        }
        assertFalse(heldOut.isEmpty());
        int heldOutUses = 0;
        for (SampleSpec s : SAMPLES) {
            for (Caption c : s.captions()) {
                if (heldOut.contains(c.template())) {
                    assertTrue(s.id() + " uses held-out " + c.template() + " in " + s.split(), s.split() != Split.TRAIN);
                    heldOutUses++;
                }
            }
        }
        assertTrue(heldOutUses > 100);
    }

    @Test
    public void hardNegativeGroupsDifferInExactlyOneAttribute() {
        Map<String, List<SampleSpec>> groups = new HashMap<>();
        for (SampleSpec s : SAMPLES) {
            if (s.hardNegativeGroup() != null) {
                groups.computeIfAbsent(s.hardNegativeGroup(), k -> new ArrayList<>()).add(s);
            }
        }
        assertTrue(groups.size() > 300);
        for (Map.Entry<String, List<SampleSpec>> e : groups.entrySet()) {
            List<SampleSpec> members = e.getValue();
            assertTrue(e.getKey(), members.size() >= 2);
            Set<String> varied = new HashSet<>();
            for (int i = 0; i < members.size(); i++) {
                for (int j = i + 1; j < members.size(); j++) {
                    SampleSpec x = members.get(i), y = members.get(j);
                    assertEquals(x.category(), y.category());
                    assertEquals(x.split(), y.split());
                    assertEquals(x.geometrySeed(), y.geometrySeed());
                    List<String> differing = new ArrayList<>();
                    for (String attribute : x.attributes().keySet()) {
                        if (!x.attributes().get(attribute).equals(y.attributes().get(attribute))) {
                            differing.add(attribute);
                        }
                    }
                    assertEquals(e.getKey() + " " + x.attributes() + " vs " + y.attributes(), 1, differing.size());
                    varied.addAll(differing);
                }
            }
            assertEquals(e.getKey(), 1, varied.size());
        }
    }
}
