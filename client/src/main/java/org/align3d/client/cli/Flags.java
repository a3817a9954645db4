package org.align3d.client.cli;

import java.util.Locale;

/** Reading flag values: each failure names the flag and the value. */
public final class Flags {

    private Flags() {
    }

    public static String value(String[] args, int i) throws UsageException {
        if (i + 1 >= args.length) {
            throw new UsageException("flag " + args[i] + " needs a value");
        }
        return args[i + 1];
    }

    public static int intValue(String[] args, int i, int min, int max) throws UsageException {
        String v = value(args, i);
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new UsageException(args[i] + " must be in " + min + ".." + max + ", got " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(args[i] + " [" + v + "] is not a whole number");
        }
    }

    /** A byte count: digits with an optional k, m or g suffix (binary: 20m = 20 MiB). */
    public static long bytesValue(String[] args, int i, long min, long max) throws UsageException {
        String v = value(args, i).toLowerCase(Locale.ROOT);
        long unit = 1;
        String digits = v;
        if (v.endsWith("k") || v.endsWith("m") || v.endsWith("g")) {
            unit = switch (v.charAt(v.length() - 1)) {
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                default -> 1L << 30;
            };
            digits = v.substring(0, v.length() - 1);
        }
        long n;
        try {
            n = Math.multiplyExact(Long.parseLong(digits), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException(args[i] + " [" + args[i + 1] + "] is not a size like 1048576, 512k or 20m");
        }
        if (n < min || n > max) {
            throw new UsageException(args[i] + " must be in " + min + ".." + max + " bytes, got " + args[i + 1]);
        }
        return n;
    }
}
