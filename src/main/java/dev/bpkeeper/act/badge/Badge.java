package dev.bpkeeper.act.badge;

import java.util.Locale;

/**
 * What a badge says and in which colour; {@link BadgeSvg} draws it, {@link ShieldsEndpoint} hands it to shields.io.
 *
 * @param color a CSS hex colour, "#4c1" or "#ca8e10"
 */
public record Badge(String label, String message, String color) {
    public Badge {
        if (!color.matches("#([0-9a-f]{3}|[0-9a-f]{6})")) {
            throw new IllegalArgumentException("A badge colour is a lower-case hex colour, not " + color);
        }
    }

    /**
     * Whether the message needs dark text: shields.io's rule (brightness by the ITU-R 601 weights, rounded to two
     * decimals, above 0.69), which is why silver and gold badges have dark text.
     */
    public boolean light() {
        String hex = color.substring(1);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        int rgb = Integer.parseInt(hex, 16);
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        double brightness = Math.round((r * 299 + g * 587 + b * 114) / 2550.0) / 100.0;
        return brightness > 0.69;
    }

    /** The colour without its "#", as shields.io's endpoint schema takes it. */
    public String bareColor() {
        return color.substring(1).toLowerCase(Locale.ROOT);
    }
}
