package org.align3d.encoder.shape;

/**
 * The 3D encoder's architecture, stored in every model bundle's config so a bundle rebuilds exactly its network.
 *
 * @param points     points sampled per asset (default 2048)
 * @param patches    patch centres chosen by farthest point sampling (default 64)
 * @param patchSize  points per patch, its nearest neighbours of the centre (default 32)
 * @param channels   values per patch point: position relative to the centre, then the normal (6)
 * @param width      width of patch tokens inside the transformer (default 128)
 * @param depth      transformer layers (default 2)
 * @param heads      attention heads per layer (default 4)
 * @param jointDim   dimensions of the global joint embedding, the vector ERS indexes (default 256)
 * @param tokenDim   dimensions of per-patch and per-token vectors used by HAF (default 64: with int8 storage,
 *                   64 patches cost 4 KB per asset)
 */
public record ShapeEncoderConfig(int points, int patches, int patchSize, int channels, int width, int depth, int heads,
                                 int jointDim, int tokenDim) {

    public static final ShapeEncoderConfig DEFAULT = new ShapeEncoderConfig(2048, 64, 32, 6, 128, 2, 4, 256, 64);

    public ShapeEncoderConfig {
        require("points", points, 64, 65_536);
        require("patches", patches, 4, 1024);
        require("patchSize", patchSize, 4, 256);
        require("channels", channels, 3, 16);
        require("width", width, 16, 1024);
        require("depth", depth, 0, 16);
        require("heads", heads, 1, 32);
        require("jointDim", jointDim, 8, 2048);
        require("tokenDim", tokenDim, 8, 1024);
        if (width % heads != 0) {
            throw new IllegalArgumentException("width [" + width + "] must be a multiple of heads [" + heads + "]");
        }
        if (patches > points) {
            throw new IllegalArgumentException("patches [" + patches + "] cannot exceed points [" + points + "]");
        }
    }

    private static void require(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " [" + value + "] must be in " + min + ".." + max);
        }
    }
}
