package org.align3d.mesh;

import java.nio.charset.StandardCharsets;

/**
 * A cursor over the bytes of a text mesh file (OBJ, ASCII PLY, OFF, ASCII STL) that reads whitespace-separated
 * tokens and numbers without creating strings, since these files reach millions of lines. Errors name the line.
 */
final class TextScanner {

    private static final double[] POWERS_OF_TEN = new double[23];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10; // exact up to 1e22
        }
    }

    private final String source;
    private final byte[] data;
    private final int end;
    private int pos;
    private int line;
    private int tokenStart;
    private int tokenEnd;

    TextScanner(String source, byte[] data, int start) {
        this(source, data, start, 1);
    }

    /** A scanner starting at byte {@code start}, which lies on line {@code line} of the file. */
    TextScanner(String source, byte[] data, int start, int line) {
        this.source = source;
        this.data = data;
        this.end = data.length;
        this.pos = start;
        this.line = line;
    }

    int line() {
        return line;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    boolean atEnd() {
        return pos >= end;
    }

    /** Skips spaces and tabs (and a carriage return) but stays on the line. */
    void skipBlanks() {
        while (pos < end) {
            byte b = data[pos];
            if (b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B) {
                pos++;
            } else {
                return;
            }
        }
    }

    /** True when only blanks remain on this line (or a comment starting with {@code commentChar}, 0 for none). */
    boolean atEndOfLine(byte commentChar) {
        skipBlanks();
        return pos >= end || data[pos] == '\n' || (commentChar != 0 && data[pos] == commentChar);
    }

    /** Moves past the next newline. */
    void nextLine() {
        while (pos < end && data[pos] != '\n') {
            pos++;
        }
        if (pos < end) {
            pos++;
            line++;
        }
    }

    /** Skips blank lines and lines starting with {@code commentChar}; false at the end of the data. */
    boolean skipEmptyLines(byte commentChar) {
        while (true) {
            skipBlanks();
            if (pos >= end) {
                return false;
            }
            byte b = data[pos];
            if (b == '\n' || b == commentChar) {
                nextLine();
            } else {
                return true;
            }
        }
    }

    /** Reads the next token on this line; false when the line has none left. */
    boolean token() {
        skipBlanks();
        if (pos >= end || data[pos] == '\n') {
            return false;
        }
        tokenStart = pos;
        while (pos < end) {
            byte b = data[pos];
            if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == 0x0B) {
                break;
            }
            pos++;
        }
        tokenEnd = pos;
        return true;
    }

    /** Moves back to the start of the token just read, so the next read returns it again. */
    void unreadToken() {
        pos = tokenStart;
    }

    void requireToken(String what) throws MeshReadException {
        if (!token()) {
            throw error("expected " + what + " but the line ends");
        }
    }

    boolean tokenIs(String word) {
        int n = tokenEnd - tokenStart;
        if (n != word.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (data[tokenStart + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    boolean tokenIsIgnoreCase(String word) {
        int n = tokenEnd - tokenStart;
        if (n != word.length()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (Character.toLowerCase(data[tokenStart + i]) != Character.toLowerCase(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    String tokenText() {
        return new String(data, tokenStart, tokenEnd - tokenStart, StandardCharsets.UTF_8);
    }

    /** The rest of the line, trimmed. */
    String restOfLine() {
        skipBlanks();
        int s = pos;
        while (pos < end && data[pos] != '\n') {
            pos++;
        }
        return new String(data, s, pos - s, StandardCharsets.UTF_8).trim();
    }

    byte charAt(int index) {
        return data[index];
    }

    int tokenStart() {
        return tokenStart;
    }

    int tokenEnd() {
        return tokenEnd;
    }

    float nextFloat(String what) throws MeshReadException {
        requireToken(what);
        return (float) parseNumber(tokenStart, tokenEnd, what);
    }

    long nextLong(String what) throws MeshReadException {
        requireToken(what);
        return parseLong(tokenStart, tokenEnd, what);
    }

    long parseLong(int from, int to, String what) throws MeshReadException {
        int i = from;
        boolean negative = false;
        if (i < to && (data[i] == '-' || data[i] == '+')) {
            negative = data[i] == '-';
            i++;
        }
        if (i == to) {
            throw notA("an integer", what, from, to);
        }
        long value = 0;
        for (; i < to; i++) {
            int d = data[i] - '0';
            if (d < 0 || d > 9 || value > (Long.MAX_VALUE - d) / 10) {
                throw notA("an integer", what, from, to);
            }
            value = value * 10 + d;
        }
        return negative ? -value : value;
    }

    /**
     * Parses a decimal number. NaN and infinities are refused (as are numbers that overflow a float), because no
     * mesh coordinate may be one.
     */
    double parseNumber(int from, int to, String what) throws MeshReadException {
        int i = from;
        boolean negative = false;
        if (i < to && (data[i] == '-' || data[i] == '+')) {
            negative = data[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int exponent = 0;
        boolean any = false;
        for (; i < to && data[i] >= '0' && data[i] <= '9'; i++) {
            any = true;
            if (digits < 18) {
                mantissa = mantissa * 10 + (data[i] - '0');
                if (mantissa != 0) {
                    digits++;
                }
            } else {
                exponent++;
            }
        }
        if (i < to && data[i] == '.') {
            i++;
            for (; i < to && data[i] >= '0' && data[i] <= '9'; i++) {
                any = true;
                if (digits < 18) {
                    mantissa = mantissa * 10 + (data[i] - '0');
                    if (mantissa != 0) {
                        digits++;
                    }
                    exponent--;
                }
            }
        }
        if (!any) {
            throw notA("a finite number", what, from, to);
        }
        if (i < to && (data[i] == 'e' || data[i] == 'E')) {
            i++;
            boolean negExp = false;
            if (i < to && (data[i] == '-' || data[i] == '+')) {
                negExp = data[i] == '-';
                i++;
            }
            if (i == to) {
                throw notA("a finite number", what, from, to);
            }
            int e = 0;
            for (; i < to; i++) {
                int d = data[i] - '0';
                if (d < 0 || d > 9) {
                    throw notA("a finite number", what, from, to);
                }
                if (e < 100_000) {
                    e = e * 10 + d;
                }
            }
            exponent += negExp ? -e : e;
        }
        if (i != to) {
            throw notA("a finite number", what, from, to);
        }
        double value;
        if (mantissa == 0) {
            value = 0;
        } else if (exponent >= 0 && exponent < POWERS_OF_TEN.length) {
            value = mantissa * POWERS_OF_TEN[exponent];
        } else if (exponent < 0 && -exponent < POWERS_OF_TEN.length) {
            value = mantissa / POWERS_OF_TEN[-exponent];
        } else {
            value = Double.parseDouble(new String(data, from, to - from, StandardCharsets.US_ASCII));
        }
        if (Math.abs(value) > Float.MAX_VALUE) {
            throw notA("a finite number", what, from, to);
        }
        return negative ? -value : value;
    }

    MeshReadException notA(String kind, String what, int from, int to) {
        String text = new String(data, from, Math.min(to - from, 40), StandardCharsets.UTF_8);
        return error("expected " + kind + " for " + what + ", found '" + text + "'");
    }

    MeshReadException error(String problem) {
        return new MeshReadException(source, "line " + line + ": " + problem);
    }
}
