package dev.bpkeeper.text;

/**
 * Text that someone else chose (a request's headers, a webhook's names, a repository's files), made harmless
 * before it is written where a person reads it. A log line must stay one line, of bounded length, so that a caller
 * can neither forge a line nor flood the log; a terminal must not obey escape sequences (screen clear, title
 * change, OSC 8 links) or be turned around by bidirectional overrides. The one place that decides how.
 */
public final class Untrusted {
    /** How much of one value a log line shows; enough for any name GitHub sends, far too little to flood. */
    public static final int LOG_LIMIT = 200;

    private Untrusted() {
    }

    /**
     * For a log line: every control, format (bidirectional overrides, zero-width characters) and line or paragraph
     * separator escaped as Java would write it ({@code \n}, {@code \u001b}), then cut at {@link #LOG_LIMIT}
     * characters with the count of what was left out. Null stays "null", as the logger would print it.
     */
    public static String forLog(CharSequence text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), LOG_LIMIT) + 16);
        int shown = Math.min(text.length(), LOG_LIMIT);
        for (int i = 0; i < shown; i++) {
            escape(text.charAt(i), false, out);
        }
        if (text.length() > shown) {
            out.append("…(").append(text.length() - shown).append(" more characters)");
        }
        return out.toString();
    }

    /**
     * For a terminal: the same escapes, except that line feeds and tabs stay as they are (a report is several
     * lines). Nothing is cut.
     */
    public static String forTerminal(CharSequence text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            escape(text.charAt(i), true, out);
        }
        return out.toString();
    }

    private static void escape(char c, boolean multiline, StringBuilder out) {
        if (multiline && (c == '\n' || c == '\t')) {
            out.append(c);
            return;
        }
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append(multiline ? "\\" : "\\\\");
            default -> {
                if (harmful(c)) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    /** C0 and C1 controls and DEL, format characters (U+202E and its kin), line and paragraph separators. */
    private static boolean harmful(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
