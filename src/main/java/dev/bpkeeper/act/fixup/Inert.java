package dev.bpkeeper.act.fixup;

/**
 * Makes text taken from a repository safe to print into the files and pull request bodies the app writes, so a
 * tag or name can never add a link, an image, HTML or a YAML key.
 */
final class Inert {
    /** Characters that cannot start Markdown or HTML syntax, so they stay as they are for readability. */
    private static final String PLAIN_MARKDOWN = " .,:/-";

    private Inert() {
    }

    /**
     * HTML's three special characters as entities (so no tag can open), every other ASCII punctuation character
     * Markdown might read as syntax backslash-escaped; line breaks dropped.
     */
    static String markdown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : oneLine(text).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    boolean punctuation = c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c);
                    if (punctuation && PLAIN_MARKDOWN.indexOf(c) < 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    /** For a YAML double-quoted scalar: quotes and backslashes escaped, line breaks dropped. */
    static String yamlQuoted(String text) {
        return oneLine(text).replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ");
    }
}
