package org.align3d.mesh;

import java.io.IOException;

/** A mesh file that cannot be read: the message names the file and what is wrong with it. */
public class MeshReadException extends IOException {

    private final String source;
    private final String problem;

    public MeshReadException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.problem = problem;
    }

    public MeshReadException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file (or inline asset name) that failed. */
    public String source() {
        return source;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
