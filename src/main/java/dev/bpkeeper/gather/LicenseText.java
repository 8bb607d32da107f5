package dev.bpkeeper.gather;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A licence file's text as the licences are compared with it: the markup of Markdown and reStructuredText and
 * comment characters say nothing about which licence it is, and SPDX's templates do not allow them. Linear in the
 * text's length: no pattern here backtracks.
 */
final class LicenseText {
    /** A line that only underlines or rules (reStructuredText headings, Markdown rules and setext headings). */
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*([=\\-~^*#_+`'\"])\\1{2,}[ \\t]*$");
    /** Markdown headings, block quotes, list bullets and reStructuredText directives at the start of a line. */
    private static final Pattern LINE_START = Pattern.compile("(?m)^[ \\t]*(?:#{1,6}[ \\t]+|>[ \\t]?|[-*+][ \\t]+"
            + "|\\.\\.[ \\t]+[\\w-]+::[^\\n]*)");
    /** Code fences. */
    private static final Pattern FENCE = Pattern.compile("(?m)^[ \\t]*(```|~~~)[^\\n]*$");
    /** A Markdown link: its text stays, its target goes ("[FSF](https://fsf.org/)" reads "FSF"). */
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{0,300})\\]\\([^)\\s]{0,2000}\\)");
    /** Strong and emphasis markers, inline code and reStructuredText's interpreted text. */
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|(?<![\\w*])[*_](?=\\S)|(?<=\\S)[*_](?![\\w*])|`+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");
    /** A token of the word sequence SPDX's required text is matched against: letters and digits, any length. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private LicenseText() {
    }

    /** The text without markup; line breaks and wording kept. */
    static String plain(String text) {
        String s = text.replace("\r\n", "\n");
        s = FENCE.matcher(s).replaceAll("");
        s = RULE.matcher(s).replaceAll("");
        s = LINE_START.matcher(s).replaceAll("");
        s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return EMPHASIS.matcher(s).replaceAll("");
    }

    /** The distinct words (three letters or more, lower case): what ranking candidates compares. */
    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            words.add(equivalent(word.group().toLowerCase(Locale.ROOT)));
        }
        return words;
    }

    /** The share of {@code these} words that {@code in} holds (0 to 1; 0 for none). */
    static double containment(Set<String> these, Set<String> in) {
        if (these.isEmpty()) {
            return 0;
        }
        int held = 0;
        for (String word : these) {
            if (in.contains(word)) {
                held++;
            }
        }
        return (double) held / these.size();
    }

    /**
     * The text as its sequence of words, lower case, one space before and after each ("␣all␣rights␣"), so that a
     * passage is found with {@link String#indexOf}; markup and punctuation are not words, British spellings are
     * read as SPDX's ("licence" as "license").
     */
    static String tokens(String text) {
        StringBuilder out = new StringBuilder(text.length() + 1).append(' ');
        Matcher token = TOKEN.matcher(LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1))));
        String previous = "";
        while (token.find()) {
            String word = equivalent(token.group().toLowerCase(Locale.ROOT));
            // "Copyright (C)", "Copyright ©" and "Copyright" are the same to SPDX.
            if (!(word.equals("c") && previous.equals("copyright"))) {
                out.append(word).append(' ');
            }
            previous = word;
        }
        return out.toString();
    }

    /** The spellings SPDX's matching guidelines hold equivalent, as one. */
    private static String equivalent(String word) {
        if (word.contains("licenc")) {
            return word.replace("licenc", "licens"); // licence, sublicence, licenced
        }
        return switch (word) {
            case "https" -> "http";
            case "acknowledgement" -> "acknowledgment";
            case "acknowledgements" -> "acknowledgments";
            case "organisation" -> "organization";
            case "authorise", "authorised" -> word.replace('s', 'z');
            default -> word;
        };
    }

    /** How many words lie between two offsets of a {@link #tokens} string, each at a space: the spaces counted. */
    static int wordsBetween(String tokens, int from, int to) {
        int words = 0;
        for (int i = from; i < to; i++) {
            if (tokens.charAt(i) == ' ') {
                words++;
            }
        }
        return words;
    }
}
