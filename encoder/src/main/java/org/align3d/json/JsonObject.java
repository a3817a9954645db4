package org.align3d.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed JSON object with typed accessors whose errors name the member's path. Values inside are
 * {@code Map}, {@code List}, {@code String}, {@code Long}, {@code Double}, {@code Boolean} or {@code null}.
 */
public final class JsonObject {

    /** Nesting deeper than this is refused: glTF and manifest lines are a few levels deep. */
    private static final int MAX_DEPTH = 64;
    /**
     * More tokens than this are refused: each becomes an object on the heap, so 16 MB of {@code [{},{},...]} would
     * take over a gigabyte. A glTF document's JSON has some thousands; its buffers are single strings.
     */
    static final long MAX_TOKENS = 2_000_000;
    /** A data URI may carry a buffer as large as a mesh file may be (Jackson's default would cap it near 15 MB). */
    private static final int MAX_STRING = 1 << 29;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxTokenCount(MAX_TOKENS)
                .maxStringLength(MAX_STRING).build())
            .build();

    private final Map<String, Object> members;
    private final String path;

    private JsonObject(Map<String, Object> members, String path) {
        this.members = members;
        this.path = path;
    }

    /** Parses one JSON object from UTF-8 bytes; anything after it other than whitespace is an error. */
    public static JsonObject parse(byte[] utf8, int offset, int length) throws JsonFormatException {
        try (JsonParser parser = FACTORY.createParser(utf8, offset, length)) {
            return parse(parser);
        } catch (IOException e) {
            throw new JsonFormatException("invalid JSON: " + describe(e), e);
        }
    }

    public static JsonObject parse(String json) throws JsonFormatException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return parse(parser);
        } catch (IOException e) {
            throw new JsonFormatException("invalid JSON: " + describe(e), e);
        }
    }

    private static String describe(IOException e) {
        return e instanceof JacksonException j ? j.getOriginalMessage() + locate(j) : String.valueOf(e.getMessage());
    }

    private static String locate(JacksonException e) {
        return e.getLocation() == null ? "" : " at byte " + e.getLocation().getByteOffset();
    }

    private static JsonObject parse(JsonParser parser) throws IOException, JsonFormatException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new JsonFormatException("expected a JSON object, found " + (first == null ? "nothing" : first.asString()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value(parser);
        if (parser.nextToken() != null) {
            throw new JsonFormatException("unexpected content after the JSON object");
        }
        return new JsonObject(map, "");
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    parser.nextToken();
                    map.put(key, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getDoubleValue()
                        : (Object) parser.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected token " + token);
        }
    }

    public String path() {
        return path.isEmpty() ? "(root)" : path;
    }

    public Set<String> keys() {
        return Collections.unmodifiableSet(members.keySet());
    }

    public boolean has(String key) {
        return members.containsKey(key) && members.get(key) != null;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private Object require(String key) throws JsonFormatException {
        Object v = members.get(key);
        if (v == null) {
            throw new JsonFormatException("missing " + at(key));
        }
        return v;
    }

    public String string(String key) throws JsonFormatException {
        Object v = require(key);
        if (!(v instanceof String s)) {
            throw new JsonFormatException(at(key) + " must be a string");
        }
        return s;
    }

    public String optString(String key, String fallback) throws JsonFormatException {
        return has(key) ? string(key) : fallback;
    }

    public long integer(String key) throws JsonFormatException {
        Object v = require(key);
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            return d.longValue();
        }
        throw new JsonFormatException(at(key) + " must be an integer");
    }

    public long optInteger(String key, long fallback) throws JsonFormatException {
        return has(key) ? integer(key) : fallback;
    }

    /** An integer in [min, max], with the path in the message otherwise. */
    public int intIn(String key, long min, long max) throws JsonFormatException {
        long v = integer(key);
        if (v < min || v > max) {
            throw new JsonFormatException(at(key) + " is " + v + ", outside [" + min + ", " + max + "]");
        }
        return (int) v;
    }

    public double number(String key) throws JsonFormatException {
        Object v = require(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new JsonFormatException(at(key) + " must be a number");
    }

    public boolean optBoolean(String key, boolean fallback) throws JsonFormatException {
        if (!has(key)) {
            return fallback;
        }
        if (members.get(key) instanceof Boolean b) {
            return b;
        }
        throw new JsonFormatException(at(key) + " must be true or false");
    }

    public JsonObject object(String key) throws JsonFormatException {
        Object v = require(key);
        if (!(v instanceof Map<?, ?> m)) {
            throw new JsonFormatException(at(key) + " must be an object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) m;
        return new JsonObject(map, at(key));
    }

    /** The array's elements, each required to be an object. Absent means empty. */
    public List<JsonObject> objects(String key) throws JsonFormatException {
        List<Object> raw = list(key);
        List<JsonObject> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof Map<?, ?> m)) {
                throw new JsonFormatException(at(key) + "[" + i + "] must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            out.add(new JsonObject(map, at(key) + "[" + i + "]"));
        }
        return out;
    }

    /** The array's raw elements. Absent means empty. */
    public List<Object> list(String key) throws JsonFormatException {
        if (!has(key)) {
            return List.of();
        }
        if (!(members.get(key) instanceof List<?> l)) {
            throw new JsonFormatException(at(key) + " must be an array");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) l;
        return list;
    }

    public List<String> strings(String key) throws JsonFormatException {
        List<Object> raw = list(key);
        List<String> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String s)) {
                throw new JsonFormatException(at(key) + "[" + i + "] must be a string");
            }
            out.add(s);
        }
        return out;
    }

    /** A fixed-length array of numbers, e.g. a glTF matrix or quaternion. */
    public double[] numbers(String key, int length) throws JsonFormatException {
        List<Object> raw = list(key);
        if (raw.size() != length) {
            throw new JsonFormatException(at(key) + " must have " + length + " numbers, has " + raw.size());
        }
        double[] out = new double[length];
        for (int i = 0; i < length; i++) {
            if (!(raw.get(i) instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new JsonFormatException(at(key) + "[" + i + "] must be a finite number");
            }
            out[i] = ((Number) raw.get(i)).doubleValue();
        }
        return out;
    }

    /** The members as an ordered map of strings; every value must be a string, number or boolean. */
    public Map<String, String> stringMap(String key) throws JsonFormatException {
        if (!has(key)) {
            return Map.of();
        }
        JsonObject o = object(key);
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o.members.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                out.put(e.getKey(), String.valueOf(v));
            } else {
                throw new JsonFormatException(o.at(e.getKey()) + " must be a string, number or boolean");
            }
        }
        return out;
    }
}
