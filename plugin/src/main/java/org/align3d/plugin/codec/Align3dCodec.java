package org.align3d.plugin.codec;

import org.align3d.ers.ErsVectorsFormat;
import org.align3d.query.field.ShapeVectorFieldType;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.opensearch.index.mapper.MappedFieldType;
import org.opensearch.index.mapper.MapperService;

/**
 * The codec of indices with {@code index.align3d: true}: the node's codec, except that vectors of
 * {@code shape_vector} fields are written in the ERS format with the field's mapping parameters.
 *
 * <p>Segments remember each field's vector format by name ({@code Ers10} for shape vectors), so reading needs no
 * mapping: the no-argument constructor, which Lucene's SPI uses when opening a segment, wraps Lucene's default
 * codec directly. A segment written with this codec can only be opened where align3d is installed.
 */
public final class Align3dCodec extends FilterCodec {

    public static final String NAME = "Align3d10";

    private final MapperService mapperService;
    private final KnnVectorsFormat vectors;

    /** For Lucene's SPI, when reading segments. */
    public Align3dCodec() {
        this(new Lucene104Codec(), null);
    }

    public Align3dCodec(Codec delegate, MapperService mapperService) {
        super(NAME, delegate);
        this.mapperService = mapperService;
        KnnVectorsFormat fallback = delegate.knnVectorsFormat();
        this.vectors = new PerFieldKnnVectorsFormat() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                MappedFieldType type = Align3dCodec.this.mapperService == null ? null
                    : Align3dCodec.this.mapperService.fieldType(field);
                if (type instanceof ShapeVectorFieldType shape) {
                    return new ErsVectorsFormat(shape.ers());
                }
                return fallback instanceof PerFieldKnnVectorsFormat perField ? perField.getKnnVectorsFormatForField(field) : fallback;
            }
        };
    }

    @Override
    public KnnVectorsFormat knnVectorsFormat() {
        return vectors;
    }
}
