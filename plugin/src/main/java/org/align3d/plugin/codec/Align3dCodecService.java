package org.align3d.plugin.codec;

import org.apache.lucene.codecs.Codec;
import org.opensearch.index.codec.CodecService;
import org.opensearch.index.codec.CodecServiceConfig;
import org.opensearch.index.mapper.MapperService;

/**
 * Wraps every codec OpenSearch would use for the index (default, best_compression, ...) in an {@link Align3dCodec},
 * so the index's {@code index.codec} setting still chooses stored-field compression while shape vectors go to ERS.
 * Installed only for indices with {@code index.align3d: true} (OpenSearch allows one plugin's codec service per
 * index, which is why such an index cannot also set {@code index.knn}).
 */
public final class Align3dCodecService extends CodecService {

    private final MapperService mapperService;

    public Align3dCodecService(CodecServiceConfig config) {
        super(config.getMapperService(), config.getIndexSettings(), config.getLogger(), config.getAdditionalCodecs());
        this.mapperService = config.getMapperService();
    }

    @Override
    public Codec codec(String name) {
        Codec codec = super.codec(name);
        return mapperService == null ? codec : new Align3dCodec(codec, mapperService);
    }
}
