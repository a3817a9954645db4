package org.align3d.trainer.data;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.align3d.encoder.text.EncodedText;
import org.align3d.encoder.text.FrozenTextEncoder;

/**
 * The frozen language model's output for every caption and part name of a dataset, computed once: the text model
 * does not train, so encoding each text again every epoch would only waste time (~1 ms per text).
 */
public final class CaptionBank {

    private final Map<String, EncodedText> texts;

    private CaptionBank(Map<String, EncodedText> texts) {
        this.texts = texts;
    }

    public static CaptionBank encode(FrozenTextEncoder encoder, Collection<TrainingShape> shapes, Collection<String> extra) {
        Set<String> distinct = new LinkedHashSet<>();
        for (TrainingShape s : shapes) {
            distinct.addAll(s.captions());
            distinct.addAll(s.partNames());
        }
        distinct.addAll(extra);
        List<String> all = List.copyOf(distinct);
        List<EncodedText> encoded = encoder.encode(all);
        Map<String, EncodedText> map = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            map.put(all.get(i), encoded.get(i));
        }
        return new CaptionBank(map);
    }

    public EncodedText get(String text) {
        EncodedText t = texts.get(text);
        if (t == null) {
            throw new IllegalArgumentException("text [" + text + "] was not encoded into the caption bank");
        }
        return t;
    }

    public int size() {
        return texts.size();
    }
}
