package dev.bpkeeper.act.badge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * How wide a text is in 11px Verdana, from the width table shields.io's badge-maker uses (anafanafo's
 * verdana-11px-normal.json: sorted {@code [first, last, width]} code point ranges). No AWT, no installed fonts:
 * the same text measures the same everywhere, which is what makes our badges identical to the official ones.
 */
public final class VerdanaWidths {
    private static final String TABLE = "badge/verdana-11px-normal.json";
    private static final VerdanaWidths INSTANCE = load();

    private final int[] firsts;
    private final int[] lasts;
    private final double[] widths;
    /** anafanafo counts a character missing from the table as wide as "m". */
    private final double fallback;

    private VerdanaWidths(int[] firsts, int[] lasts, double[] widths) {
        this.firsts = firsts;
        this.lasts = lasts;
        this.widths = widths;
        this.fallback = lookup('m');
    }

    public static VerdanaWidths get() {
        return INSTANCE;
    }

    /** The sum of the advance widths of the text's code points, in pixels. */
    public double width(String text) {
        double total = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            double w = lookup(codePoint);
            total += Double.isNaN(w) ? fallback : w;
            i += Character.charCount(codePoint);
        }
        return total;
    }

    private double lookup(int codePoint) {
        int low = 0;
        int high = firsts.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (codePoint < firsts[mid]) {
                high = mid - 1;
            } else if (codePoint > lasts[mid]) {
                low = mid + 1;
            } else {
                return widths[mid];
            }
        }
        return Double.NaN;
    }

    private static VerdanaWidths load() {
        try (InputStream in = VerdanaWidths.class.getClassLoader().getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the class path");
            }
            double[][] rows = new ObjectMapper().readValue(in, double[][].class);
            int[] firsts = new int[rows.length];
            int[] lasts = new int[rows.length];
            double[] widths = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                firsts[i] = (int) rows[i][0];
                lasts[i] = (int) rows[i][1];
                widths[i] = rows[i][2];
            }
            return new VerdanaWidths(firsts, lasts, widths);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + TABLE, e);
        }
    }
}
