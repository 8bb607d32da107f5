package dev.bpkeeper.snapshot;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.SpecialOperations;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The file-name endings, or else the top-level directories, a path pattern can match, worked out from the pattern
 * itself, so that a large tree tests the pattern only against files with those endings (or in those directories)
 * instead of against every path.
 *
 * <p>The pattern is turned into a finite automaton (dk.brics.automaton), reversed, and read backwards from the end
 * of a path up to the last dot of its file name. When every way of doing that is short and spells a few distinct
 * endings, those endings are the answer; when the pattern allows an open-ended ending ({@code .*}, {@code [^/]*}
 * at the end) or uses a construct the automaton library does not share with {@link Pattern}, there is no answer
 * and the caller scans everything, as before. The answer is a superset, never a guess: a leading negative
 * lookahead, which only removes matches, is dropped before the analysis. Top-level directories are read the same
 * way, forwards from the start of the path up to its first '/'.
 */
final class PatternExtensions {
    /** Longer endings exist (".properties"), but a pattern with more is better served by a scan. */
    private static final int MAX_ENDING = 16;
    /** A wider character choice at the end of the pattern means the ending is not a fixed word. */
    private static final int MAX_CHOICES = 64;
    private static final int MAX_ENDINGS = 256;
    /** Patterns are constants, so the analysis is kept for the life of the process. */
    private static final Map<String, Optional<Set<String>>> KNOWN = new ConcurrentHashMap<>();

    private PatternExtensions() {
    }

    /**
     * The lower-case extensions ({@link FileTree#extension}: after the last dot of the file name, "" for none) of
     * every path the pattern can match as a whole, or empty when they cannot be listed.
     */
    static Optional<Set<String>> of(Pattern pattern) {
        return KNOWN.computeIfAbsent(pattern.flags() + "/" + pattern.pattern(), k -> analyse(pattern));
    }

    /**
     * The lower-case top-level directories of every path the pattern can match as a whole, with "" standing for
     * files at the root; empty when they cannot be listed (a pattern that allows any leading directories).
     */
    static Optional<Set<String>> topDirectories(Pattern pattern) {
        return TOPS.computeIfAbsent(pattern.flags() + "/" + pattern.pattern(), k -> automaton(pattern).flatMap(a -> {
            Set<String> tops = new TreeSet<>();
            return walkForward(Set.of(a.getInitialState()), new StringBuilder(), tops)
                    ? Optional.of(Set.copyOf(tops)) : Optional.empty();
        }));
    }

    private static final Map<String, Optional<Set<String>>> TOPS = new ConcurrentHashMap<>();
    private static final int MAX_DIRECTORY_NAME = 32;

    private static Optional<Set<String>> analyse(Pattern pattern) {
        return automaton(pattern).flatMap(automaton -> {
            Set<State> ends = SpecialOperations.reverse(automaton);
            Set<String> endings = new TreeSet<>();
            return walk(ends, new StringBuilder(), endings) ? Optional.of(Set.copyOf(endings)) : Optional.empty();
        });
    }

    /** A fresh automaton for the pattern (the analyses change it), when the pattern can be translated. */
    private static Optional<Automaton> automaton(Pattern pattern) {
        boolean ignoreCase = (pattern.flags() & Pattern.CASE_INSENSITIVE) != 0;
        if ((pattern.flags() & ~(Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)) != 0) {
            return Optional.empty();
        }
        String regex = pattern.pattern();
        if (regex.startsWith("(?i)")) {
            ignoreCase = true;
            regex = regex.substring(4);
        }
        Optional<String> translated = Translation.of(regex, ignoreCase);
        if (translated.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RegExp(translated.get(), RegExp.NONE).toAutomaton());
        } catch (IllegalArgumentException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** Reads the automaton from the start of the path up to its first '/'. */
    private static boolean walkForward(Set<State> states, StringBuilder read, Set<String> tops) {
        if (states.isEmpty()) {
            return true;
        }
        if (read.length() > MAX_DIRECTORY_NAME || tops.size() > MAX_ENDINGS) {
            return false;
        }
        if (states.stream().anyMatch(State::isAccept)) {
            tops.add(""); // the whole path was read without a '/': a file at the root
        }
        if (!step(states, '/').isEmpty() && read.length() > 0) {
            tops.add(read.toString().toLowerCase(Locale.ROOT));
        }
        Set<Character> choices = choicesOtherThan(states, '/', '/');
        if (choices == null) {
            return false;
        }
        for (char c : choices) {
            read.append(c);
            boolean listed = walkForward(step(states, c), read, tops);
            read.setLength(read.length() - 1);
            if (!listed) {
                return false;
            }
        }
        return true;
    }

    /** The characters, other than the two given, that lead on from the states; null when there are too many. */
    private static Set<Character> choicesOtherThan(Set<State> states, char one, char other) {
        Set<Character> choices = new TreeSet<>();
        for (State state : states) {
            for (Transition t : state.getTransitions()) {
                for (char c = t.getMin(); c <= t.getMax(); c++) {
                    if (c != one && c != other) {
                        choices.add(c);
                        if (choices.size() > MAX_CHOICES) {
                            return null;
                        }
                    }
                    if (c == Character.MAX_VALUE) {
                        break;
                    }
                }
            }
        }
        return choices;
    }

    /**
     * Reads the reversed automaton from the end of the path; {@code read} holds the characters read so far
     * (reversed). Returns false when the endings cannot be listed.
     */
    private static boolean walk(Set<State> states, StringBuilder read, Set<String> endings) {
        if (states.isEmpty()) {
            return true;
        }
        if (read.length() > MAX_ENDING || endings.size() > MAX_ENDINGS) {
            return false;
        }
        if (states.stream().anyMatch(State::isAccept)) {
            endings.add(""); // the whole path was read without a dot: no extension
        }
        Set<State> afterDot = step(states, '.');
        if (!afterDot.isEmpty()) {
            // The dot is the first character of the file name (".gitignore") when the path may end or a '/' may
            // come right before it; otherwise it starts the extension.
            boolean nameStartsWithDot = afterDot.stream().anyMatch(State::isAccept) || !step(afterDot, '/').isEmpty();
            if (nameStartsWithDot) {
                endings.add("");
            }
            if (hasStepOtherThan(afterDot, '/')) {
                endings.add(read.reverse().toString().toLowerCase(Locale.ROOT));
                read.reverse();
            }
        }
        if (!step(states, '/').isEmpty()) {
            endings.add(""); // a file name without a dot
        }
        Set<Character> choices = choicesOtherThan(states, '.', '/');
        if (choices == null) {
            return false;
        }
        for (char c : choices) {
            read.append(c);
            boolean listed = walk(step(states, c), read, endings);
            read.setLength(read.length() - 1);
            if (!listed) {
                return false;
            }
        }
        return true;
    }

    private static Set<State> step(Set<State> states, char c) {
        Set<State> next = new HashSet<>();
        for (State state : states) {
            state.step(c, next);
        }
        return next;
    }

    private static boolean hasStepOtherThan(Set<State> states, char excluded) {
        for (State state : states) {
            for (Transition t : state.getTransitions()) {
                if (t.getMin() != excluded || t.getMax() != excluded) {
                    return true;
                }
            }
        }
        return false;
    }

    /** From {@link Pattern} syntax to dk.brics syntax, for the constructs both read the same way; nothing else. */
    static final class Translation {
        private Translation() {
        }

        static Optional<String> of(String regex, boolean ignoreCase) {
            String body = withoutLeadingNegativeLookahead(regex);
            if (body == null) {
                return Optional.empty();
            }
            StringBuilder out = new StringBuilder(body.length());
            boolean inClass = false;
            int classStart = -1;
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= body.length() || Character.isLetterOrDigit(body.charAt(i + 1))) {
                        return Optional.empty(); // \d, \w, \b, \s, back-references: not the same in dk.brics
                    }
                    out.append(c).append(body.charAt(++i));
                    continue;
                }
                if (inClass) {
                    if (c == ']') {
                        inClass = false;
                    } else if (c == '[' || c == '&') {
                        return Optional.empty(); // nested classes and intersections
                    } else if (c == '-' && (out.length() == classStart || (i + 1 < body.length() && body.charAt(i + 1) == ']'))) {
                        out.append("\\-"); // a literal '-' in Pattern; dk.brics reads ranges only
                        continue;
                    }
                    out.append(ignoreCase ? Character.toLowerCase(c) : c);
                    continue;
                }
                switch (c) {
                    case '[' -> {
                        inClass = true;
                        out.append(c);
                        if (i + 1 < body.length() && body.charAt(i + 1) == '^') {
                            out.append('^');
                            i++;
                        }
                        classStart = out.length();
                    }
                    case '(' -> {
                        if (body.startsWith("(?:", i)) {
                            i += 2;
                        } else if (i + 1 < body.length() && body.charAt(i + 1) == '?') {
                            return Optional.empty(); // lookarounds and inline flags inside the pattern
                        }
                        out.append('(');
                    }
                    case '^', '$', '"', '&', '~', '#', '@', '<', '>' -> {
                        return Optional.empty(); // anchors, and dk.brics's own operators
                    }
                    case '*', '+', '?', '}' -> {
                        out.append(c);
                        if (i + 1 < body.length() && body.charAt(i + 1) == '+') {
                            return Optional.empty(); // possessive quantifiers
                        }
                    }
                    default -> out.append(ignoreCase ? Character.toLowerCase(c) : c);
                }
            }
            return inClass ? Optional.empty() : Optional.of(out.toString());
        }

        /** A leading {@code (?!...)} only removes matches, so a superset of the endings ignores it. */
        static String withoutLeadingNegativeLookahead(String regex) {
            if (!regex.startsWith("(?!")) {
                return regex;
            }
            int depth = 0;
            boolean inClass = false;
            for (int i = 0; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (inClass) {
                    inClass = c != ']';
                } else if (c == '[') {
                    inClass = true;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return regex.substring(i + 1);
                }
            }
            return null;
        }
    }
}
