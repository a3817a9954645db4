package org.align3d.query.field;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.align3d.encoder.model.PatchVectorsCodec;
import org.align3d.encoder.model.VectorText;
import org.align3d.ers.ErsParameters;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.util.BytesRef;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.MapperParsingException;
import org.opensearch.index.mapper.ParametrizedFieldMapper;
import org.opensearch.index.mapper.ParseContext;

/**
 * The {@code shape_vector} field type.
 *
 * <p>Mapping: {@code {"type": "shape_vector", "model_id": "align3d-default", "dimension": 256, "ers": {...}}};
 * {@code model_id} names the model bundle whose vectors the field holds (queries encode their text with it),
 * {@code dimension} its joint dimension (default 256), {@code ers} the optional ERS parameters
 * (see {@link ErsMappingParameters}).
 *
 * <p>Document value, as the {@code shape_embedding} processor writes it (and as clients that embed assets
 * themselves through {@code _plugins/align3d/_embed} may send it):
 * <pre>
 * {"vector": [256 floats] | "&lt;base64 of 256 little-endian float32&gt;", "patches": "&lt;base64 of PatchVectorsCodec bytes&gt;",
 *  "extent": [w, h, d], "model_id": "..."}
 * </pre>
 * The processor writes {@code vector} in the base64 form ({@link VectorText}), half the size of the array in
 * {@code _source}; clients may send either.
 * {@code vector} is required; {@code patches} enables HAF reranking and part highlights for the document.
 * Vectors with NaN or infinite components, all zeros, or the wrong dimension are refused with the field named.
 */
public final class ShapeVectorFieldMapper extends ParametrizedFieldMapper {

    public static final int DEFAULT_DIMENSION = 256;
    /** What Lucene's vector formats (ERS and HNSW alike) index: a larger mapping could never take a document. */
    static final int MAX_DIMENSION = KnnVectorsFormat.DEFAULT_MAX_DIMENSIONS;
    /** Stored patch data larger than this is refused: a real asset takes about 5 KB. */
    static final int MAX_PATCH_BYTES = 256 * 1024;

    public static final TypeParser PARSER = new TypeParser((name, context) -> new Builder(name));

    public static final class Builder extends ParametrizedFieldMapper.Builder {

        final Parameter<String> modelId = Parameter.stringParam("model_id", false, m -> type(m).modelId(), null)
            .setValidator(v -> {
                if (v == null || v.isBlank()) {
                    throw new IllegalArgumentException("[model_id] is required for a shape_vector field");
                }
            });
        final Parameter<Integer> dimension = Parameter.intParam("dimension", false, m -> type(m).dimension(), DEFAULT_DIMENSION)
            .setValidator(v -> {
                if (v < 1 || v > MAX_DIMENSION) {
                    throw new IllegalArgumentException("[dimension] must be in 1.." + MAX_DIMENSION + ", got " + v);
                }
            });
        final Parameter<ErsParameters> ers = new Parameter<>("ers", false, () -> ErsParameters.DEFAULTS,
            (n, c, o) -> ErsMappingParameters.parse(n, o), m -> type(m).ers())
            .setSerializer((b, n, v) -> ErsMappingParameters.toXContent(b, n, v), v -> v.toString());
        final Parameter<java.util.Map<String, String>> meta = Parameter.metaParam();

        public Builder(String name) {
            super(name);
        }

        @Override
        protected List<Parameter<?>> getParameters() {
            return List.of(modelId, dimension, ers, meta);
        }

        @Override
        public ShapeVectorFieldMapper build(BuilderContext context) {
            if (modelId.getValue() == null) {
                throw new MapperParsingException("[model_id] is required for shape_vector field [" + name + "]");
            }
            ShapeVectorFieldType type = new ShapeVectorFieldType(buildFullName(context), modelId.getValue(), dimension.getValue(),
                ers.getValue(), meta.getValue());
            return new ShapeVectorFieldMapper(name, type, multiFieldsBuilder.build(this, context), copyTo.build());
        }
    }

    private ShapeVectorFieldMapper(String simpleName, ShapeVectorFieldType type, MultiFields multiFields, CopyTo copyTo) {
        super(simpleName, type, multiFields, copyTo);
    }

    private static ShapeVectorFieldType type(org.opensearch.index.mapper.FieldMapper m) {
        return (ShapeVectorFieldType) m.fieldType();
    }

    @Override
    public ShapeVectorFieldType fieldType() {
        return (ShapeVectorFieldType) super.fieldType();
    }

    @Override
    public ParametrizedFieldMapper.Builder getMergeBuilder() {
        return new Builder(simpleName()).init(this);
    }

    @Override
    protected String contentType() {
        return ShapeVectorFieldType.CONTENT_TYPE;
    }

    @Override
    protected void parseCreateField(ParseContext context) throws IOException {
        XContentParser parser = context.parser();
        String id = context.sourceToParse().id();
        if (parser.currentToken() != XContentParser.Token.START_OBJECT) {
            throw new MapperParsingException("field [" + name() + "] of document [" + id
                + "] must be an object {\"vector\": [...], \"patches\": \"...\"}, got " + parser.currentToken());
        }
        float[] vector = null;
        byte[] patches = null;
        for (XContentParser.Token t = parser.nextToken(); t != XContentParser.Token.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            parser.nextToken();
            switch (key) {
                case "vector" -> vector = parseVector(parser, id);
                case "patches" -> patches = parsePatches(parser, id);
                case "model_id" -> requireModel(parser, id);
                case "extent" -> parser.skipChildren();
                default -> throw new MapperParsingException("field [" + name() + "] of document [" + id + "] has unknown key ["
                    + key + "]; expected vector, patches, extent, model_id");
            }
        }
        if (vector == null) {
            throw new MapperParsingException("field [" + name() + "] of document [" + id + "] has no [vector]");
        }
        context.doc().add(new KnnFloatVectorField(fieldType().name(), vector, VectorSimilarityFunction.COSINE));
        if (patches != null) {
            context.doc().add(new BinaryDocValuesField(fieldType().patchesField(), new BytesRef(patches)));
        }
    }

    /** Vectors of another model would be indexed and ranked as if comparable: refused, naming both models. */
    private void requireModel(XContentParser parser, String id) throws IOException {
        if (parser.currentToken() != XContentParser.Token.VALUE_STRING) {
            throw new MapperParsingException("field [" + name() + "] of document [" + id + "]: [model_id] must be a string, got "
                + parser.currentToken());
        }
        String model = parser.text();
        if (!model.equals(fieldType().modelId())) {
            throw new MapperParsingException("field [" + name() + "] of document [" + id + "] was embedded with model [" + model
                + "], but the field holds vectors of model [" + fieldType().modelId() + "]");
        }
    }

    private float[] parseVector(XContentParser parser, String id) throws IOException {
        if (parser.currentToken() == XContentParser.Token.VALUE_STRING) {
            try {
                return checkVector(VectorText.decode(parser.text(), MAX_DIMENSION), id);
            } catch (IllegalArgumentException e) {
                throw new MapperParsingException("field [" + name() + "] of document [" + id + "]: [vector] as base64 float32 "
                    + e.getMessage());
            }
        }
        if (parser.currentToken() != XContentParser.Token.START_ARRAY) {
            throw new MapperParsingException("field [" + name() + "] of document [" + id + "]: [vector] must be an array of numbers "
                + "or a base64 string of little-endian float32");
        }
        List<Float> values = new ArrayList<>();
        for (XContentParser.Token t = parser.nextToken(); t != XContentParser.Token.END_ARRAY; t = parser.nextToken()) {
            if (values.size() >= MAX_DIMENSION) {
                throw new MapperParsingException("field [" + name() + "] of document [" + id + "]: [vector] is longer than "
                    + MAX_DIMENSION);
            }
            values.add(parser.floatValue());
        }
        float[] v = new float[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return checkVector(v, id);
    }

    private float[] checkVector(float[] v, String id) {
        int dimension = fieldType().dimension();
        if (v.length != dimension) {
            throw new MapperParsingException("field [" + name() + "] of document [" + id + "]: [vector] has " + v.length
                + " dimensions, the mapping says " + dimension);
        }
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            if (!Float.isFinite(v[i])) {
                throw new MapperParsingException("field [" + name() + "] of document [" + id + "]: [vector] component " + i
                    + " is " + v[i]);
            }
            norm += v[i] * v[i];
        }
        if (norm == 0) {
            throw new MapperParsingException("field [" + name() + "] of document [" + id + "]: [vector] is all zeros");
        }
        return v;
    }

    private byte[] parsePatches(XContentParser parser, String id) throws IOException {
        String text = parser.text();
        if (text.length() > MAX_PATCH_BYTES * 4 / 3 + 4) {
            throw new MapperParsingException("field [" + name() + "] of document [" + id + "]: [patches] is larger than "
                + MAX_PATCH_BYTES + " bytes");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
            PatchVectorsCodec.decode(bytes);
        } catch (IllegalArgumentException e) {
            throw new MapperParsingException("field [" + name() + "] of document [" + id + "]: [patches] " + e.getMessage());
        }
        return bytes;
    }
}
