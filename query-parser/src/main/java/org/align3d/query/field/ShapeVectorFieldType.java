package org.align3d.query.field;

import java.util.Map;
import org.align3d.ers.ErsParameters;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.SourceValueFetcher;
import org.opensearch.index.mapper.TextSearchInfo;
import org.opensearch.index.mapper.ValueFetcher;
import org.opensearch.index.query.QueryShardContext;
import org.opensearch.search.lookup.SearchLookup;

/**
 * A {@code shape_vector} field as search sees it: the global vector is a Lucene float vector field (routed to ERS
 * by align3d's codec), and the per-patch data HAF needs lives in binary doc values under {@link #patchesField()}.
 */
public final class ShapeVectorFieldType extends MappedFieldType {

    public static final String CONTENT_TYPE = "shape_vector";
    public static final String PATCHES_SUFFIX = "._patches";

    private final String modelId;
    private final int dimension;
    private final ErsParameters ers;

    public ShapeVectorFieldType(String name, String modelId, int dimension, ErsParameters ers, Map<String, String> meta) {
        super(name, false, false, true, TextSearchInfo.NONE, meta);
        this.modelId = modelId;
        this.dimension = dimension;
        this.ers = ers;
    }

    public String modelId() {
        return modelId;
    }

    public int dimension() {
        return dimension;
    }

    public ErsParameters ers() {
        return ers;
    }

    /** The binary doc values field holding each document's {@code PatchVectorsCodec} bytes. */
    public String patchesField() {
        return name() + PATCHES_SUFFIX;
    }

    @Override
    public String typeName() {
        return CONTENT_TYPE;
    }

    @Override
    public ValueFetcher valueFetcher(QueryShardContext context, SearchLookup searchLookup, String format) {
        return SourceValueFetcher.identity(name(), context, format);
    }

    @Override
    public Query termQuery(Object value, QueryShardContext context) {
        throw new IllegalArgumentException("field [" + name() + "] of type [" + CONTENT_TYPE
            + "] cannot be searched by term; use a neural_shape query");
    }

    @Override
    public Query existsQuery(QueryShardContext context) {
        return new FieldExistsQuery(name());
    }
}
