package org.align3d.encoder.text;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** Runs the real quantized all-MiniLM-L6-v2 from its Maven Central jar through DJL's OnnxRuntime engine. */
public class FrozenTextEncoderTest {

    private static FrozenTextEncoder encoder;

    @BeforeClass
    public static void load() {
        encoder = FrozenTextEncoder.load(new TextLimits(200, 16));
    }

    @AfterClass
    public static void close() {
        encoder.close();
    }

    @Test
    public void tokensMapToWordsAndSentenceIsUnitLength() {
        EncodedText t = encoder.encode("a four-legged chair with armrests");
        assertEquals(List.of("a", "four", "-", "legged", "chair", "with", "armrests"), t.words());
        assertEquals(t.tokenWords().length, t.tokenCount());
        assertEquals(FrozenTextEncoder.DIM, t.tokenStates()[0].length);
        assertEquals(1.0, norm(t.sentence()), 1e-4);
        assertFalse(t.truncated());
        // "armrests" is split into several word pieces, all pointing at the same word
        long armrestPieces = java.util.Arrays.stream(t.tokenWords()).filter(w -> w == 6).count();
        assertTrue("pieces of armrests: " + armrestPieces, armrestPieces >= 1);
    }

    @Test
    public void similarTextsAreCloserThanUnrelatedOnes() {
        List<EncodedText> t = encoder.encode(List.of("a wooden chair", "a chair to sit on", "a jet airplane with two engines"));
        float chairs = dot(t.get(0).sentence(), t.get(1).sentence());
        float chairPlane = dot(t.get(0).sentence(), t.get(2).sentence());
        assertTrue(chairs + " vs " + chairPlane, chairs > chairPlane + 0.1f);
    }

    /** A text's vectors must not depend on the texts encoded with it (the model is dynamically quantized). */
    @Test
    public void listEncodingMatchesSingleEncodingExactly() {
        List<String> texts = List.of("a lamp", "a tall lamp with a cone shade", "a boat", "a red bus", "a tree");
        List<EncodedText> batched = encoder.encode(texts);
        assertEquals(5, batched.size());
        for (int i = 0; i < texts.size(); i++) {
            EncodedText single = encoder.encode(texts.get(i));
            assertEquals(texts.get(i), batched.get(i).text());
            assertArrayEquals(single.sentence(), batched.get(i).sentence(), 0f);
        }
    }

    @Test
    public void longTextIsTruncatedAndMarked() {
        EncodedText t = encoder.encode("a chair with a tall slatted back, armrests, four legs and a round cushion on the seat");
        assertTrue(t.truncated());
        assertEquals(14, t.tokenCount()); // 16 minus [CLS] and [SEP]
    }

    @Test
    public void badTextIsRefusedNamingIt() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> encoder.encode(List.of("ok", " ")));
        assertEquals("text [1] is empty", empty.getMessage());
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class, () -> encoder.encode("x".repeat(201)));
        assertTrue(tooLong.getMessage(), tooLong.getMessage().startsWith("text [0] has 201 characters; the limit is 200"));
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(float[] a) {
        return Math.sqrt(dot(a, a));
    }
}
