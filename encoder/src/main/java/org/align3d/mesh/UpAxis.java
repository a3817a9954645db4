package org.align3d.mesh;

/**
 * The axis that points up in a mesh file's coordinates. No common format except glTF records it, so each reader
 * states the convention it assumes (see {@link MeshFormat#assumedUpAxis()}); the normalizer rotates every shape
 * into a Y-up frame and keeps the assumed axis as metadata.
 */
public enum UpAxis {
    /** +Y up: glTF (by specification) and the usual export convention of OBJ, PLY and OFF tools. */
    Y,
    /** +Z up: the CAD and 3D-printing convention STL files follow. */
    Z;

    /**
     * Reads an up axis as users write it: {@code "y"} or {@code "z"}, in either case.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static UpAxis parse(String text) {
        for (UpAxis axis : values()) {
            if (axis.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return axis;
            }
        }
        throw new IllegalArgumentException("up axis [" + text + "] is not one of [y, z]");
    }
}
