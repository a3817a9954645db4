package org.align3d.mesh;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stanford PLY 1.0 in ASCII, binary little endian and binary big endian. Reads the {@code vertex} element
 * ({@code x y z}, optional {@code nx ny nz} and integer {@code part}) and the {@code face} element (a list named
 * {@code vertex_indices} or {@code vertex_index}, polygons fan-triangulated, optional integer {@code part});
 * other elements and properties are skipped. A file without faces is a point cloud.
 *
 * <p>Part names: the comment line {@code comment align3d-parts NAME NAME ...} names part 0, 1, ...; without it
 * parts are named {@code part0}, {@code part1}, .... Header counts are checked against the limits and against the
 * bytes left in the file before anything is allocated.
 */
public final class PlyReader implements MeshReader {

    /** The comment keyword that names the parts; written by {@link PlyWriter}. */
    public static final String PARTS_COMMENT = "align3d-parts";
    /** Part numbers a file may use: 0 up to this (names are generated up to the largest one used). */
    static final int MAX_PART = 65_535;

    private enum Encoding { ASCII, BINARY_LE, BINARY_BE }

    private enum Type {
        INT8(1), UINT8(1), INT16(2), UINT16(2), INT32(4), UINT32(4), FLOAT32(4), FLOAT64(8);

        final int size;

        Type(int size) {
            this.size = size;
        }

        static Type of(String name) {
            return switch (name) {
                case "char", "int8" -> INT8;
                case "uchar", "uint8" -> UINT8;
                case "short", "int16" -> INT16;
                case "ushort", "uint16" -> UINT16;
                case "int", "int32" -> INT32;
                case "uint", "uint32" -> UINT32;
                case "float", "float32" -> FLOAT32;
                case "double", "float64" -> FLOAT64;
                default -> null;
            };
        }
    }

    private record Property(String name, Type type, Type countType) {
        boolean isList() {
            return countType != null;
        }
    }

    private record Element(String name, long count, List<Property> properties) {
        /** Bytes one binary instance needs at least (each list counted empty). */
        long minBinarySize() {
            long size = 0;
            for (Property p : properties) {
                size += p.isList() ? p.countType.size : p.type.size;
            }
            return size;
        }

        int indexOf(String property) {
            for (int i = 0; i < properties.size(); i++) {
                if (properties.get(i).name.equals(property)) {
                    return i;
                }
            }
            return -1;
        }
    }

    @Override
    public Mesh read(MeshSource source, MeshLimits limits) throws MeshReadException {
        String name = source.name();
        byte[] data = MeshReader.checkedBytes(source, limits);
        TextScanner header = new TextScanner(name, data, 0);
        header.token();
        if (!header.tokenIs("ply")) {
            throw new MeshReadException(name, "does not start with 'ply'");
        }
        header.nextLine();
        Encoding encoding = null;
        List<Element> elements = new ArrayList<>();
        List<String> partNames = new ArrayList<>();
        boolean ended = false;
        while (!header.atEnd()) {
            if (!header.token()) {
                header.nextLine();
                continue;
            }
            if (header.tokenIs("format")) {
                header.requireToken("a format");
                if (header.tokenIs("ascii")) {
                    encoding = Encoding.ASCII;
                } else if (header.tokenIs("binary_little_endian")) {
                    encoding = Encoding.BINARY_LE;
                } else if (header.tokenIs("binary_big_endian")) {
                    encoding = Encoding.BINARY_BE;
                } else {
                    throw header.error("unknown PLY format '" + header.tokenText() + "'");
                }
            } else if (header.tokenIs("comment")) {
                if (header.token() && header.tokenIs(PARTS_COMMENT)) {
                    while (header.token()) {
                        partNames.add(header.tokenText());
                    }
                }
            } else if (header.tokenIs("element")) {
                header.requireToken("an element name");
                String elementName = header.tokenText();
                long count = header.nextLong("the element count");
                if (count < 0) {
                    throw header.error("element " + elementName + " has a negative count " + count);
                }
                elements.add(new Element(elementName, count, new ArrayList<>()));
            } else if (header.tokenIs("property")) {
                if (elements.isEmpty()) {
                    throw header.error("property before any element");
                }
                header.requireToken("a property type");
                Property property;
                if (header.tokenIs("list")) {
                    Type countType = type(header);
                    Type itemType = type(header);
                    if (countType == Type.FLOAT32 || countType == Type.FLOAT64) {
                        throw header.error("list count type must be an integer type");
                    }
                    header.requireToken("a property name");
                    property = new Property(header.tokenText(), itemType, countType);
                } else {
                    Type type = Type.of(header.tokenText());
                    if (type == null) {
                        throw header.error("unknown property type '" + header.tokenText() + "'");
                    }
                    header.requireToken("a property name");
                    property = new Property(header.tokenText(), type, null);
                }
                elements.get(elements.size() - 1).properties.add(property);
            } else if (header.tokenIs("end_header")) {
                header.nextLine();
                ended = true;
                break;
            }
            // obj_info and unknown header lines carry nothing we use
            header.nextLine();
        }
        if (!ended) {
            throw new MeshReadException(name, "PLY header has no end_header line");
        }
        if (encoding == null) {
            throw new MeshReadException(name, "PLY header has no format line");
        }
        Element vertex = null;
        Element face = null;
        for (Element e : elements) {
            if (e.name.equals("vertex")) {
                vertex = e;
            } else if (e.name.equals("face")) {
                face = e;
            }
        }
        if (vertex == null || vertex.count == 0) {
            throw new MeshReadException(name, "has no vertices (no vertex element or a count of 0)");
        }
        for (String axis : new String[] {"x", "y", "z"}) {
            int i = vertex.indexOf(axis);
            if (i < 0 || vertex.properties.get(i).isList()) {
                throw new MeshReadException(name, "vertex element has no scalar property '" + axis + "'");
            }
        }
        limits.checkVertices(name, vertex.count);
        if (face != null) {
            limits.checkFaces(name, face.count);
            int list = faceListIndex(face);
            if (list < 0) {
                throw new MeshReadException(name, "face element has no list property vertex_indices");
            }
        }
        int bodyStart = header.position();
        long remaining = data.length - bodyStart;
        long minimum = 0;
        for (Element e : elements) {
            if (e.properties.isEmpty() && e.count > 0) {
                // nothing to read per instance, so no byte count could bound the loop over them
                throw new MeshReadException(name, "element " + e.name + " declares " + e.count + " instances but no properties");
            }
            // ASCII needs at least two bytes per value ("0 "); binary the fixed part of each instance.
            long per = encoding == Encoding.ASCII ? 2L * Math.max(1, e.properties.size()) : e.minBinarySize();
            long need = per > 0 && e.count > (Long.MAX_VALUE / 4) / per ? Long.MAX_VALUE / 4 : e.count * per;
            minimum = Math.min(Long.MAX_VALUE / 4, minimum + need);
        }
        if (minimum > remaining) {
            throw new MeshReadException(name, "is truncated: the header declares elements needing at least " + minimum
                    + " bytes but only " + remaining + " follow it");
        }
        Body body = encoding == Encoding.ASCII
                ? new AsciiBody(new TextScanner(name, data, bodyStart, header.line()))
                : new BinaryBody(name, ByteBuffer.wrap(data, bodyStart, data.length - bodyStart)
                        .order(encoding == Encoding.BINARY_LE ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN));
        return decode(name, limits, elements, vertex, face, partNames, body);
    }

    private static int faceListIndex(Element face) {
        int i = face.indexOf("vertex_indices");
        if (i < 0) {
            i = face.indexOf("vertex_index");
        }
        return i >= 0 && face.properties.get(i).isList() ? i : -1;
    }

    private static Type type(TextScanner header) throws MeshReadException {
        header.requireToken("a property type");
        Type t = Type.of(header.tokenText());
        if (t == null) {
            throw header.error("unknown property type '" + header.tokenText() + "'");
        }
        return t;
    }

    private static Mesh decode(String name, MeshLimits limits, List<Element> elements, Element vertex, Element face,
                               List<String> partNames, Body body) throws MeshReadException {
        int vertexCount = (int) vertex.count;
        float[] positions = new float[3 * vertexCount];
        int ix = vertex.indexOf("x"), iy = vertex.indexOf("y"), iz = vertex.indexOf("z");
        int inx = scalar(vertex, "nx"), iny = scalar(vertex, "ny"), inz = scalar(vertex, "nz");
        boolean hasNormals = inx >= 0 && iny >= 0 && inz >= 0;
        float[] normals = hasNormals ? new float[3 * vertexCount] : null;
        int vertexPartIndex = scalar(vertex, "part");
        boolean pointCloud = face == null || face.count == 0;
        int[] vertexParts = vertexPartIndex >= 0 && pointCloud ? new int[vertexCount] : null;
        GrowableMesh faces = null;
        int facePartIndex = face == null ? -1 : scalar(face, "part");
        int maxPart = -1;
        for (Element e : elements) {
            List<Property> props = e.properties;
            if (e == vertex) {
                double[] row = new double[props.size()];
                for (int v = 0; v < vertexCount; v++) {
                    for (int p = 0; p < row.length; p++) {
                        Property prop = props.get(p);
                        if (prop.isList()) {
                            body.skipList(prop, "vertex", v);
                        } else {
                            row[p] = body.scalar(prop.type, "vertex", v, prop.name);
                        }
                    }
                    positions[3 * v] = (float) row[ix];
                    positions[3 * v + 1] = (float) row[iy];
                    positions[3 * v + 2] = (float) row[iz];
                    if (hasNormals) {
                        normals[3 * v] = (float) row[inx];
                        normals[3 * v + 1] = (float) row[iny];
                        normals[3 * v + 2] = (float) row[inz];
                    }
                    if (vertexParts != null) {
                        vertexParts[v] = part(name, row[vertexPartIndex], "vertex", v);
                        maxPart = Math.max(maxPart, vertexParts[v]);
                    }
                    body.endInstance();
                }
            } else if (e == face) {
                int list = faceListIndex(face);
                faces = new GrowableMesh(name, limits, 0, (int) Math.min(face.count, limits.maxFaces()),
                        facePartIndex >= 0);
                int[] corners = new int[16];
                for (long f = 0; f < face.count; f++) {
                    int count = 0;
                    int part = 0;
                    for (int p = 0; p < props.size(); p++) {
                        Property prop = props.get(p);
                        if (p == list) {
                            long n = body.listCount(prop, "face", f);
                            if (n > corners.length) {
                                corners = Arrays.copyOf(corners, (int) n);
                            }
                            count = (int) n;
                            for (int k = 0; k < count; k++) {
                                double index = body.scalar(prop.type, "face", f, prop.name);
                                if (index != Math.rint(index)) { // a float list, or "0.9" in ASCII: no vertex number
                                    throw new MeshReadException(name, "face " + f + " lists vertex index " + index
                                            + ", which is not a whole number");
                                }
                                corners[k] = index > Integer.MAX_VALUE || index < Integer.MIN_VALUE ? -1 : (int) index;
                            }
                        } else if (prop.isList()) {
                            body.skipList(prop, "face", f);
                        } else {
                            double value = body.scalar(prop.type, "face", f, prop.name);
                            if (p == facePartIndex) {
                                part = part(name, value, "face", f);
                                maxPart = Math.max(maxPart, part);
                            }
                        }
                    }
                    for (int k = 0; k < count; k++) {
                        if (corners[k] < 0 || corners[k] >= vertexCount) {
                            throw new MeshReadException(name, "face " + f + " refers to vertex " + corners[k]
                                    + " but there are " + vertexCount + " vertices");
                        }
                    }
                    faces.addPolygon(corners, count, part);
                    body.endInstance();
                }
            } else {
                for (long i = 0; i < e.count; i++) {
                    for (Property prop : props) {
                        if (prop.isList()) {
                            body.skipList(prop, e.name, i);
                        } else {
                            body.scalar(prop.type, e.name, i, prop.name);
                        }
                    }
                    body.endInstance();
                }
            }
        }
        List<String> names = new ArrayList<>(partNames);
        boolean hasParts = vertexParts != null || facePartIndex >= 0;
        if (!hasParts) {
            names.clear();
        } else {
            for (int i = names.size(); i <= maxPart; i++) {
                names.add("part" + i);
            }
        }
        UpAxis up = MeshFormat.PLY.assumedUpAxis();
        if (faces == null || faces.faceCount == 0) {
            if (face != null && face.count > 0) {
                throw new MeshReadException(name, "all " + face.count + " faces have fewer than 3 corners");
            }
            return MeshAssembly.finish(name, positions, vertexCount, new int[0], 0, normals, null, vertexParts, names,
                    up);
        }
        return MeshAssembly.finish(name, positions, vertexCount, faces.triangles, faces.faceCount, null,
                faces.faceParts, null, names, up);
    }

    private static int scalar(Element e, String property) {
        int i = e.indexOf(property);
        return i >= 0 && !e.properties.get(i).isList() ? i : -1;
    }

    /** The element data after the header, in either encoding. */
    private interface Body {
        // Messages are built only on failure: these run once per value of files with millions of values.
        double scalar(Type type, String element, long index, String property) throws MeshReadException;

        long listCount(Property list, String element, long index) throws MeshReadException;

        void skipList(Property list, String element, long index) throws MeshReadException;

        void endInstance() throws MeshReadException;
    }

    /** A part number read from the file, checked before names are made up to it. */
    private static int part(String name, double value, String element, long index) throws MeshReadException {
        if (!(value >= 0 && value <= MAX_PART) || value != Math.rint(value)) {
            throw new MeshReadException(name, element + " " + index + " has part " + value + "; parts are whole numbers 0.."
                    + MAX_PART);
        }
        return (int) value;
    }

    private static final class AsciiBody implements Body {
        private final TextScanner in;
        private boolean started;

        AsciiBody(TextScanner in) {
            this.in = in;
        }

        private void startInstance() {
            if (!started) {
                while (!in.atEnd() && in.atEndOfLine((byte) 0)) {
                    in.nextLine();
                }
                started = true;
            }
        }

        @Override
        public double scalar(Type type, String element, long index, String property) throws MeshReadException {
            startInstance();
            if (!in.token()) {
                throw in.error("expected a value for " + element + " " + index + " " + property + " but the line ends");
            }
            return in.parseNumber(in.tokenStart(), in.tokenEnd(), property);
        }

        @Override
        public long listCount(Property list, String element, long index) throws MeshReadException {
            startInstance();
            String what = element + " " + index;
            if (!in.token()) {
                throw in.error("expected a list length for " + what + " but the line ends");
            }
            long n = in.parseLong(in.tokenStart(), in.tokenEnd(), "list length");
            // every value takes at least two bytes, so a longer list cannot be in the file
            if (n < 0 || n > in.remaining() / 2) {
                throw in.error(what + " has an invalid list length " + n);
            }
            return n;
        }

        @Override
        public void skipList(Property list, String element, long index) throws MeshReadException {
            long n = listCount(list, element, index);
            for (long i = 0; i < n; i++) {
                scalar(list.type, element, index, list.name);
            }
        }

        @Override
        public void endInstance() {
            in.nextLine();
            started = false;
        }
    }

    private static final class BinaryBody implements Body {
        private final String name;
        private final ByteBuffer in;

        BinaryBody(String name, ByteBuffer in) {
            this.name = name;
            this.in = in;
        }

        @Override
        public double scalar(Type type, String element, long index, String property) throws MeshReadException {
            if (in.remaining() < type.size) {
                throw new MeshReadException(name, "is truncated while reading " + element + " " + index + " "
                        + property + " at byte offset " + in.position());
            }
            return switch (type) {
                case INT8 -> in.get();
                case UINT8 -> in.get() & 0xFF;
                case INT16 -> in.getShort();
                case UINT16 -> in.getShort() & 0xFFFF;
                case INT32 -> in.getInt();
                case UINT32 -> in.getInt() & 0xFFFFFFFFL;
                case FLOAT32 -> in.getFloat();
                case FLOAT64 -> in.getDouble();
            };
        }

        @Override
        public long listCount(Property list, String element, long index) throws MeshReadException {
            long n = (long) scalar(list.countType, element, index, list.name + " length");
            if (n < 0 || n * list.type.size > in.remaining()) {
                throw new MeshReadException(name, element + " " + index + " declares a list of " + n + " values but only "
                        + in.remaining() + " bytes remain (truncated or corrupt)");
            }
            return n;
        }

        @Override
        public void skipList(Property list, String element, long index) throws MeshReadException {
            long n = listCount(list, element, index);
            in.position(in.position() + (int) (n * list.type.size));
        }

        @Override
        public void endInstance() {
        }
    }
}
