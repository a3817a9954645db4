package org.align3d.query;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.align3d.encoder.haf.HafPolicy;
import org.align3d.encoder.model.AssetEmbedding;
import org.align3d.encoder.model.PatchVectorsCodec;
import org.align3d.mesh.MeshSource;
import org.align3d.query.field.ShapeVectorFieldType;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.SetOnce;
import org.opensearch.action.get.GetRequest;
import org.opensearch.common.xcontent.support.XContentMapValues;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.ParsingException;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.StreamOutput;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.ObjectMapper;
import org.opensearch.index.query.AbstractQueryBuilder;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryRewriteContext;
import org.opensearch.index.query.QueryShardContext;

/**
 * The {@code neural_shape} query.
 *
 * <pre>
 * {"neural_shape": {"&lt;shape_vector field&gt;": {
 *     "query_text": "a chair with armrests and a tall back",   // or "query_asset": base64 | {"base64", "up_axis"}
 *                                                              //    | {"index", "id"}
 *     "model_id": "align3d-default",   // default; must be the field's model
 *     "k": 10,                         // hits returned (1..10000); or, instead of k, a radial search:
 *     "min_score": 0.8,                //   every document whose vector score (1 + cos) / 2 is at least this (0..1)
 *     "max_distance": 0.4,             //   every document whose cosine distance 1 - cos is at most this (0..2)
 *     "num_candidates": 100,           // ANN candidates reranked (k..10000, default max(100, k)); not with radial
 *     "filter": {...},                 // any query; applied inside the ANN search
 *     "rerank": true,                  // HAF rerank of the candidates; default false when radial; text only
 *     "search_leaves": 0,              // ERS budget for this query; 0 = the field's default
 *     "part_matches": 0,               // per hit, up to N patches per query word (fields._align3d_matches); text only
 *     "ignore_unmapped": false,        // true: an index without the field matches nothing instead of failing
 *     "boost": 1.0, "_name": "..."}}}
 * </pre>
 * The text (or example) is encoded during query rewrite, asynchronously on the node's inference pool, never on a
 * search thread, and travels to the shards already encoded (a text with its model's retrieval policy, an example as
 * its vectors and digest: {@link EncodedQueryText}, {@link QueryAsset#digested()}). Scores are in [0, 1], so the
 * query composes with {@code match}, {@code term} and {@code range} clauses inside {@code bool}.
 *
 * <p>A radial search ({@code min_score} or {@code max_distance}, k-NN's names) selects documents by their vector
 * score and returns every one that passes, up to {@value #MAX_K} per shard (the best ones); they keep that score
 * unless {@code "rerank": true} asks HAF to score and order them, in which case scores may fall below the threshold.
 */
public final class NeuralShapeQueryBuilder extends AbstractQueryBuilder<NeuralShapeQueryBuilder> {

    public static final String NAME = "neural_shape";
    public static final String DEFAULT_MODEL = "align3d-default";
    static final int MAX_K = 10_000;
    static final int MAX_TEXT = 1_000;
    static final int MAX_PART_MATCHES = 32;
    private static final String ONE_SELECTION = "[" + NAME + "] takes one of [k], [min_score] and [max_distance], not several";
    private static final String CANDIDATES_NEED_K = "[" + NAME + "] [num_candidates] applies to [k]; a radial search "
        + "([min_score] or [max_distance]) takes every document past its threshold";

    private static volatile QueryEncoder encoder;

    /** The plugin hands its inference service over at node start. */
    public static void initialize(QueryEncoder queryEncoder) {
        encoder = queryEncoder;
    }

    private final String fieldName;
    private final String queryText;
    private final QueryAsset queryAsset;
    private final String modelId;
    private final int k;
    private final Float minScore;
    private final Float maxDistance;
    private final int numCandidates;
    private final QueryBuilder filter;
    private final boolean rerank;
    private final int searchLeaves;
    private final int partMatches;
    private final boolean ignoreUnmapped;
    private final EncodedQueryText encodedText;
    private final AssetEmbedding encodedAsset;
    private final Supplier<EncodedQueryText> pendingText;
    private final Supplier<AssetEmbedding> pendingAsset;

    NeuralShapeQueryBuilder(String fieldName, String queryText, QueryAsset queryAsset, String modelId, int k, Float minScore,
                            Float maxDistance, int numCandidates, QueryBuilder filter, boolean rerank, int searchLeaves, int partMatches,
                            boolean ignoreUnmapped, EncodedQueryText encodedText, AssetEmbedding encodedAsset,
                            Supplier<EncodedQueryText> pendingText, Supplier<AssetEmbedding> pendingAsset) {
        this.fieldName = Objects.requireNonNull(fieldName, "field");
        this.queryText = queryText;
        this.queryAsset = queryAsset;
        this.modelId = modelId == null ? DEFAULT_MODEL : modelId;
        this.k = k;
        this.minScore = minScore;
        this.maxDistance = maxDistance;
        this.numCandidates = numCandidates;
        this.filter = filter;
        this.rerank = rerank;
        this.searchLeaves = searchLeaves;
        this.partMatches = partMatches;
        this.ignoreUnmapped = ignoreUnmapped;
        this.encodedText = encodedText;
        this.encodedAsset = encodedAsset;
        this.pendingText = pendingText;
        this.pendingAsset = pendingAsset;
        validate();
    }

    /** A text query with defaults, for Java callers. */
    public static NeuralShapeQueryBuilder text(String field, String text, int k) {
        return new NeuralShapeQueryBuilder(field, text, null, null, k, null, null, Math.max(100, k), null, true, 0, 0, false, null, null, null,
            null);
    }

    /** True when the query selects by a score threshold rather than taking the k nearest. */
    boolean radial() {
        return minScore != null || maxDistance != null;
    }

    /** The radial threshold as a vector score in [0, 1]: {@code min_score}, or {@code 1 - max_distance / 2}. */
    float radialThreshold() {
        return minScore != null ? minScore : 1f - maxDistance / 2f;
    }

    private void validate() {
        if ((queryText == null) == (queryAsset == null)) {
            throw new IllegalArgumentException("[" + NAME + "] needs exactly one of [query_text] and [query_asset]");
        }
        if (queryText != null && (queryText.isBlank() || queryText.length() > MAX_TEXT)) {
            throw new IllegalArgumentException("[" + NAME + "] [query_text] must have 1.." + MAX_TEXT + " characters, got "
                + (queryText.isBlank() ? "a blank text" : queryText.length()));
        }
        if (minScore != null && maxDistance != null) {
            throw new IllegalArgumentException(ONE_SELECTION);
        }
        if (minScore != null && !(minScore >= 0f && minScore <= 1f)) {
            throw new IllegalArgumentException("[" + NAME + "] [min_score] must be in 0..1 (scores are (1 + cos) / 2), got " + minScore);
        }
        if (maxDistance != null && !(maxDistance >= 0f && maxDistance <= 2f)) {
            throw new IllegalArgumentException("[" + NAME + "] [max_distance] must be in 0..2 (cosine distance 1 - cos), got " + maxDistance);
        }
        if (radial()) {
            if (k != 0) {
                throw new IllegalArgumentException(ONE_SELECTION);
            }
            if (numCandidates != 0) {
                throw new IllegalArgumentException(CANDIDATES_NEED_K);
            }
        } else if (k < 1 || k > MAX_K) {
            throw new IllegalArgumentException("[" + NAME + "] [k] must be in 1.." + MAX_K + ", got " + k);
        } else if (numCandidates < k || numCandidates > MAX_K) {
            throw new IllegalArgumentException("[" + NAME + "] [num_candidates] must be in k.." + MAX_K + " (k = " + k + "), got "
                + numCandidates);
        }
        if (queryAsset != null && (rerank || partMatches > 0)) {
            throw new IllegalArgumentException("[" + NAME + "] [" + (rerank ? "rerank" : "part_matches") + "] needs [query_text]: HAF"
                + " matches query words to patches, and [query_asset] has no words");
        }
        if (searchLeaves < 0 || searchLeaves > 1 << 20) {
            throw new IllegalArgumentException("[" + NAME + "] [search_leaves] must be in 0..1048576, got " + searchLeaves);
        }
        if (partMatches < 0 || partMatches > MAX_PART_MATCHES) {
            throw new IllegalArgumentException("[" + NAME + "] [part_matches] must be in 0.." + MAX_PART_MATCHES + ", got " + partMatches);
        }
    }

    public NeuralShapeQueryBuilder(StreamInput in) throws IOException {
        super(in);
        this.fieldName = in.readString();
        this.queryText = in.readOptionalString();
        this.queryAsset = in.readBoolean() ? QueryAsset.read(in) : null;
        this.modelId = in.readString();
        this.k = in.readVInt();
        this.minScore = in.readOptionalFloat();
        this.maxDistance = in.readOptionalFloat();
        this.numCandidates = in.readVInt();
        this.filter = in.readOptionalNamedWriteable(QueryBuilder.class);
        this.rerank = in.readBoolean();
        this.searchLeaves = in.readVInt();
        this.partMatches = in.readVInt();
        this.ignoreUnmapped = in.readBoolean();
        this.encodedText = in.readBoolean() ? EncodedQueryText.read(in) : null;
        this.encodedAsset = in.readBoolean() ? HafQueryWire.readAsset(in) : null;
        this.pendingText = null;
        this.pendingAsset = null;
    }

    @Override
    protected void doWriteTo(StreamOutput out) throws IOException {
        if (pendingText != null || pendingAsset != null) {
            throw new IllegalStateException("[" + NAME + "] cannot be sent before its query is encoded; rewrite it first");
        }
        out.writeString(fieldName);
        out.writeOptionalString(queryText);
        out.writeBoolean(queryAsset != null);
        if (queryAsset != null) {
            queryAsset.writeTo(out);
        }
        out.writeString(modelId);
        out.writeVInt(k);
        out.writeOptionalFloat(minScore);
        out.writeOptionalFloat(maxDistance);
        out.writeVInt(numCandidates);
        out.writeOptionalNamedWriteable(filter);
        out.writeBoolean(rerank);
        out.writeVInt(searchLeaves);
        out.writeVInt(partMatches);
        out.writeBoolean(ignoreUnmapped);
        out.writeBoolean(encodedText != null);
        if (encodedText != null) {
            encodedText.writeTo(out);
        }
        out.writeBoolean(encodedAsset != null);
        if (encodedAsset != null) {
            HafQueryWire.write(out, encodedAsset);
        }
    }

    /**
     * This query with another filter or encoding. Once an example is encoded its mesh is replaced by the mesh's digest,
     * so the shards (and anything that prints the rewritten query) get the vectors, not up to 64 MiB of base64.
     */
    private NeuralShapeQueryBuilder with(QueryBuilder newFilter, EncodedQueryText text, AssetEmbedding asset,
                                         Supplier<EncodedQueryText> pendingT, Supplier<AssetEmbedding> pendingA) {
        QueryAsset example = asset != null && queryAsset.base64() != null ? queryAsset.digested() : queryAsset;
        NeuralShapeQueryBuilder b = new NeuralShapeQueryBuilder(fieldName, queryText, example, modelId, k, minScore, maxDistance,
            numCandidates, newFilter, rerank, searchLeaves, partMatches, ignoreUnmapped, text, asset, pendingT, pendingA);
        b.boost(boost).queryName(queryName);
        return b;
    }

    @Override
    protected QueryBuilder doRewrite(QueryRewriteContext context) throws IOException {
        if (filter != null) {
            QueryBuilder rewritten = filter.rewrite(context);
            if (rewritten != filter) {
                return with(rewritten, encodedText, encodedAsset, pendingText, pendingAsset);
            }
        }
        if (queryText != null && encodedText == null) {
            if (pendingText != null) {
                EncodedQueryText done = pendingText.get();
                return done == null ? this : with(filter, done, null, null, null);
            }
            QueryEncoder e = requireEncoder();
            SetOnce<EncodedQueryText> result = new SetOnce<>();
            context.registerAsyncAction((client, listener) -> e.encodeText(modelId, queryText,
                ActionListener.wrap(q -> {
                    result.set(new EncodedQueryText(q, e.retrievalPolicy(modelId)));
                    listener.onResponse(null);
                }, listener::onFailure)));
            return with(filter, null, null, result::get, null);
        }
        if (queryAsset != null && encodedAsset == null) {
            if (pendingAsset != null) {
                AssetEmbedding done = pendingAsset.get();
                return done == null ? this : with(filter, null, done, null, null);
            }
            SetOnce<AssetEmbedding> result = new SetOnce<>();
            if (queryAsset.base64() != null) {
                QueryEncoder e = requireEncoder();
                MeshSource source = MeshSource.inline("query_asset", decode(queryAsset.base64())).withUpAxis(queryAsset.upAxis());
                context.registerAsyncAction((client, listener) -> e.encodeAsset(modelId, source, ActionListener.wrap(a -> {
                    result.set(a);
                    listener.onResponse(null);
                }, listener::onFailure)));
            } else {
                context.registerAsyncAction((client, listener) -> client.get(new GetRequest(queryAsset.index(), queryAsset.id()),
                    ActionListener.wrap(got -> {
                        result.set(storedAsset(got.isExists() ? got.getSourceAsMap() : null));
                        listener.onResponse(null);
                    }, listener::onFailure)));
            }
            return with(filter, null, null, null, result::get);
        }
        return this;
    }

    private static QueryAsset parseAsset(XContentParser parser) throws IOException {
        XContentParser.Token token = parser.currentToken();
        if (token != XContentParser.Token.START_OBJECT && token != XContentParser.Token.VALUE_STRING) {
            throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [query_asset] must be base64 of a mesh or an "
                + "object, got " + describe(token));
        }
        try {
            return QueryAsset.parse(parser.currentToken() == XContentParser.Token.START_OBJECT ? parser.mapStrings() : parser.text());
        } catch (IllegalArgumentException e) {
            throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] " + e.getMessage(), e);
        }
    }

    /** The stored shape of an indexed document, from its source. */
    private AssetEmbedding storedAsset(Map<String, Object> source) {
        if (source == null) {
            throw new IllegalArgumentException("[" + NAME + "] [query_asset] document [" + queryAsset.index() + "/" + queryAsset.id()
                + "] does not exist");
        }
        Object value = XContentMapValues.extractValue(fieldName, source);
        if (!(value instanceof Map<?, ?> shape) || !(shape.get("patches") instanceof String patches)) {
            throw new IllegalArgumentException("[" + NAME + "] [query_asset] document [" + queryAsset.index() + "/" + queryAsset.id()
                + "] has no embedded [" + fieldName + "] in its source");
        }
        return PatchVectorsCodec.decode(decode(patches));
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("[" + NAME + "] [query_asset] is not valid base64: " + e.getMessage());
        }
    }

    private static QueryEncoder requireEncoder() {
        QueryEncoder e = encoder;
        if (e == null) {
            throw new IllegalStateException("[" + NAME + "] the align3d plugin has not started its inference service");
        }
        return e;
    }

    @Override
    protected Query doToQuery(QueryShardContext context) throws IOException {
        if (encodedText == null && encodedAsset == null) {
            throw new IllegalStateException("[" + NAME + "] was not rewritten: its query is not encoded");
        }
        MappedFieldType type = context.fieldMapper(fieldName);
        if (type == null && ignoreUnmapped) {
            return new MatchNoDocsQuery("[" + NAME + "] field [" + fieldName + "] is not mapped in this index");
        }
        if (!(type instanceof ShapeVectorFieldType shape)) {
            throw new IllegalArgumentException("[" + NAME + "] field [" + fieldName + "] is " + (type == null ? "not mapped"
                : "of type [" + type.typeName() + "]") + "; it must be a shape_vector field");
        }
        if (!shape.modelId().equals(modelId)) {
            throw new IllegalArgumentException("[" + NAME + "] field [" + fieldName + "] holds vectors of model [" + shape.modelId()
                + "] but the query is encoded with [" + modelId + "]; set \"model_id\": \"" + shape.modelId() + "\"");
        }
        requireNotNested(context, shape.name());
        float[] vector = encodedText != null ? encodedText.query().global() : encodedAsset.vector();
        if (vector.length != shape.dimension()) {
            throw new IllegalArgumentException("[" + NAME + "] model [" + modelId + "] makes " + vector.length
                + "-dimensional vectors; field [" + fieldName + "] has " + shape.dimension());
        }
        Query luceneFilter = filter == null ? null : filter.toQuery(context);
        ShapeRerankQuery.Selection selection = radial()
            ? ShapeRerankQuery.Selection.above(radialThreshold(), MAX_K)
            : ShapeRerankQuery.Selection.nearest(k, numCandidates);
        // an alias resolves to its field here: the Lucene query must name the field the vectors are indexed under
        return new ShapeRerankQuery(shape.name(), shape.patchesField(), vector, encodedText == null ? null : encodedText.query(),
            encodedText == null ? HafPolicy.UNCALIBRATED : encodedText.policy(), selection, luceneFilter, rerank, searchLeaves,
            partMatches);
    }

    /**
     * Refuses a field inside a nested object: k and the filter would apply to nested documents, not to the documents
     * a search returns, so results would be silently wrong.
     */
    private static void requireNotNested(QueryShardContext context, String field) {
        for (int dot = field.indexOf('.'); dot > 0; dot = field.indexOf('.', dot + 1)) {
            ObjectMapper parent = context.getObjectMapper(field.substring(0, dot));
            if (parent != null && parent.nested().isNested()) {
                throw new IllegalArgumentException("[" + NAME + "] field [" + field + "] is inside the nested object ["
                    + field.substring(0, dot) + "]; shape_vector fields in nested objects are not supported");
            }
        }
    }

    @Override
    protected void doXContent(XContentBuilder b, Params params) throws IOException {
        b.startObject(NAME).startObject(fieldName);
        if (queryText != null) {
            b.field("query_text", queryText);
        } else {
            queryAsset.toXContent(b);
        }
        b.field("model_id", modelId);
        if (minScore != null) {
            b.field("min_score", minScore);
        } else if (maxDistance != null) {
            b.field("max_distance", maxDistance);
        } else {
            b.field("k", k).field("num_candidates", numCandidates);
        }
        if (filter != null) {
            b.field("filter", filter);
        }
        b.field("rerank", rerank).field("search_leaves", searchLeaves).field("part_matches", partMatches);
        if (ignoreUnmapped) {
            b.field("ignore_unmapped", true);
        }
        printBoostAndQueryName(b);
        b.endObject().endObject();
    }

    public static NeuralShapeQueryBuilder fromXContent(XContentParser parser) throws IOException {
        if (parser.nextToken() != XContentParser.Token.FIELD_NAME) {
            throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] expects {\"<field>\": {...}}");
        }
        String field = parser.currentName();
        if (parser.nextToken() != XContentParser.Token.START_OBJECT) {
            throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] field [" + field + "] must hold an object");
        }
        String text = null;
        QueryAsset asset = null;
        String model = null;
        Integer k = null;
        Float minScore = null;
        Float maxDistance = null;
        Integer candidates = null;
        QueryBuilder filter = null;
        Boolean rerank = null;
        int leaves = 0;
        int matches = 0;
        boolean ignoreUnmapped = false;
        float boost = DEFAULT_BOOST;
        String name = null;
        for (XContentParser.Token t = parser.nextToken(); t != XContentParser.Token.END_OBJECT; t = parser.nextToken()) {
            String key = parser.currentName();
            XContentParser.Token value = parser.nextToken();
            if (key.equals("filter")) {
                filter = parseInnerQueryBuilder(parser);
                continue;
            }
            if (key.equals("query_asset")) {
                asset = parseAsset(parser);
                continue;
            }
            if (!value.isValue()) {
                throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [" + key + "] must be a single value, got "
                    + describe(value));
            }
            try {
                switch (key) {
                    case "query_text" -> text = parser.text();
                    case "model_id" -> model = parser.text();
                    case "k" -> k = parser.intValue();
                    case "min_score" -> minScore = parser.floatValue();
                    case "max_distance" -> maxDistance = parser.floatValue();
                    case "num_candidates" -> candidates = parser.intValue();
                    case "rerank" -> rerank = parser.booleanValue();
                    case "search_leaves" -> leaves = parser.intValue();
                    case "part_matches" -> matches = parser.intValue();
                    case "ignore_unmapped" -> ignoreUnmapped = parser.booleanValue();
                    case "boost" -> boost = parser.floatValue();
                    case "_name" -> name = parser.text();
                    default -> throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] unknown parameter [" + key
                        + "]; known: query_text, query_asset, model_id, k, min_score, max_distance, num_candidates, filter, rerank, search_leaves, "
                        + "part_matches, ignore_unmapped, boost, _name");
                }
            } catch (IllegalArgumentException | IllegalStateException | IOException e) {
                // a number that is not one, a boolean that is not one: the user's error, named (not a 500)
                throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] [" + key + "] has a value of the wrong type: "
                    + e.getMessage(), e);
            }
        }
        if (parser.nextToken() != XContentParser.Token.END_OBJECT) {
            throw new ParsingException(parser.getTokenLocation(), "[" + NAME + "] takes exactly one field");
        }
        boolean radial = minScore != null || maxDistance != null;
        if (radial && k != null) {
            throw new ParsingException(parser.getTokenLocation(), ONE_SELECTION);
        }
        if (radial && candidates != null) {
            throw new ParsingException(parser.getTokenLocation(), CANDIDATES_NEED_K);
        }
        int kk = radial ? 0 : k == null ? 10 : k;
        int cc = candidates != null ? candidates : radial ? 0 : Math.max(100, kk);
        try {
            NeuralShapeQueryBuilder b = new NeuralShapeQueryBuilder(field, text, asset, model, kk, minScore, maxDistance, cc, filter,
                rerank == null ? !radial && asset == null : rerank, leaves, matches, ignoreUnmapped, null, null, null, null);
            b.boost(boost).queryName(name);
            return b;
        } catch (IllegalArgumentException e) {
            throw new ParsingException(parser.getTokenLocation(), e.getMessage());
        }
    }

    /** A JSON token as a refusal names it. */
    private static String describe(XContentParser.Token token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_NULL -> "null";
            default -> token.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    @Override
    public String getWriteableName() {
        return NAME;
    }

    @Override
    protected boolean doEquals(NeuralShapeQueryBuilder o) {
        return fieldName.equals(o.fieldName) && Objects.equals(queryText, o.queryText) && Objects.equals(queryAsset, o.queryAsset)
            && modelId.equals(o.modelId) && k == o.k && Objects.equals(minScore, o.minScore) && Objects.equals(maxDistance, o.maxDistance)
            && numCandidates == o.numCandidates && Objects.equals(filter, o.filter)
            && rerank == o.rerank && searchLeaves == o.searchLeaves && partMatches == o.partMatches
            && ignoreUnmapped == o.ignoreUnmapped && Objects.equals(encodedText, o.encodedText) && Objects.equals(encodedAsset, o.encodedAsset)
            && Objects.equals(pendingText, o.pendingText) && Objects.equals(pendingAsset, o.pendingAsset);
    }

    @Override
    protected int doHashCode() {
        return Objects.hash(fieldName, queryText, queryAsset, modelId, k, minScore, maxDistance, numCandidates, filter, rerank, searchLeaves, partMatches,
            ignoreUnmapped);
    }
}
