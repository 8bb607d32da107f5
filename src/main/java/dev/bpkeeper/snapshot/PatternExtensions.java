package dev.bpkeeper.snapshot;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import dk.brics.automaton.SpecialOperations;
import dk.brics.automaton.State;
import dk.brics.automaton.Transition;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The file names, or else the top-level directories, a path pattern can match, worked out from the pattern itself,
 * so that a large tree tests the pattern only against files with those names (or in those directories) instead of
 * against every path.
 *
 * <p>The pattern is turned into a finite automaton (dk.brics.automaton), reversed, and read backwards from the end
 * of a path up to the start of its file name. Every way of doing that either spells a whole file name
 * ({@code pom.xml}, {@code .eslintrc.yml}), or reaches a part the pattern leaves open ({@code [^/]*}, {@code .+})
 * after the last dot of the name, which fixes at least the name's ending ({@code checkstyle[^/]*\.xml}: any name
 * ending in "xml"). When every way is one of the two, the names and endings are the answer; when a name is open
 * before its last dot, or the pattern uses a construct the automaton library does not share with {@link Pattern},
 * there is no answer and the caller looks elsewhere. The answer is a superset, never a guess: a leading negative
 * lookahead, which only removes matches, is dropped before the analysis, and the caller still tests the pattern
 * itself on every candidate. Top-level directories are read the same way, forwards from the start of the path up
 * to its first '/'.
 */
public final class PatternExtensions {
    /** Longer names exist, but a pattern spelling them is rare and better served otherwise. */
    private static final int MAX_NAME = 64;
    /** A wider character choice means the name is open at that point. */
    private static final int MAX_CHOICES = 64;
    private static final int MAX_NAMES = 4096;
    private static final int MAX_ENDINGS = 256;
    private static final int MAX_STEPS = 20_000;
    /** Patterns are constants, so the analysis is kept for the life of the process. */
    private static final Map<String, Optional<FileNames>> KNOWN = new ConcurrentHashMap<>();

    private PatternExtensions() {
    }

    /**
     * What a pattern says about the last segment of the paths it matches.
     *
     * @param names lower-case file names the pattern can match exactly
     * @param openEndings lower-case extensions ({@link FileTree#extension}) of the other names it can match
     */
    record FileNames(Set<String> names, Set<String> openEndings) {
    }

    /**
     * The lower-case file names and extensions of every path the pattern can match as a whole, or empty when they
     * cannot be listed.
     */
    static Optional<FileNames> of(Pattern pattern) {
        return KNOWN.computeIfAbsent(key(pattern), k -> analyse(pattern));
    }

    private static String key(Pattern pattern) {
        return pattern.flags() + "/" + pattern.pattern();
    }

    /**
     * The analyses of these patterns as a table of text, one pattern per line, sorted: what {@link #seed} reads.
     * Building the automata costs over a second of CPU the first time a process evaluates anything; the app reads
     * the table made at build time instead (PatternTableTest keeps it equal to these analyses).
     */
    static String table(java.util.Collection<Pattern> patterns) {
        Map<String, String> lines = new java.util.TreeMap<>();
        for (Pattern pattern : patterns) {
            String key = key(pattern);
            if (key.indexOf('\t') >= 0 || key.indexOf('\n') >= 0) {
                continue;
            }
            Optional<FileNames> names = of(pattern);
            if (names.isPresent()) {
                if (tableSafe(names.get().names()) && tableSafe(names.get().openEndings())) {
                    lines.put("N " + key, "N+\t" + key + "\t" + String.join("|", new TreeSet<>(names.get().names()))
                            + "\t" + String.join("|", new TreeSet<>(names.get().openEndings())));
                }
                continue;
            }
            lines.put("N " + key, "N-\t" + key);
            Optional<Set<String>> tops = topDirectories(pattern);
            if (tops.isEmpty()) {
                lines.put("T " + key, "T-\t" + key);
            } else if (!tops.get().isEmpty() && tableSafe(tops.get())) {
                lines.put("T " + key, "T+\t" + key + "\t" + String.join("|", new TreeSet<>(tops.get())));
            }
        }
        return String.join("\n", lines.values()) + "\n";
    }

    private static boolean tableSafe(Set<String> values) {
        return values.stream().noneMatch(v -> v.indexOf('\t') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('|') >= 0);
    }

    /**
     * Takes the analyses a {@link #table} lists as done, so that they are not worked out again. A line it cannot
     * read is skipped, and that pattern is analysed when first asked, as without a table.
     */
    public static void seed(String table) {
        parse(table).forEach(KNOWN::putIfAbsent);
        parseTops(table).forEach(TOPS::putIfAbsent);
    }

    static Map<String, Optional<FileNames>> parse(String table) {
        Map<String, Optional<FileNames>> known = new java.util.HashMap<>();
        for (String[] fields : rows(table)) {
            if (fields.length == 4 && fields[0].equals("N+")) {
                known.put(fields[1], Optional.of(new FileNames(set(fields[2]), set(fields[3]))));
            } else if (fields.length == 2 && fields[0].equals("N-")) {
                known.put(fields[1], Optional.empty());
            }
        }
        return known;
    }

    static Map<String, Optional<Set<String>>> parseTops(String table) {
        Map<String, Optional<Set<String>>> tops = new java.util.HashMap<>();
        for (String[] fields : rows(table)) {
            // Unlike a list of names, a list of directories is never empty: "" is the root.
            if (fields.length == 3 && fields[0].equals("T+")) {
                tops.put(fields[1], Optional.of(Set.copyOf(java.util.Arrays.asList(fields[2].split("\\|", -1)))));
            } else if (fields.length == 2 && fields[0].equals("T-")) {
                tops.put(fields[1], Optional.empty());
            }
        }
        return tops;
    }

    private static List<String[]> rows(String table) {
        return table.lines().map(line -> line.split("\t", -1)).toList();
    }

    private static Set<String> set(String joined) {
        return joined.isEmpty() ? Set.of() : Set.copyOf(java.util.Arrays.asList(joined.split("\\|", -1)));
    }

    /**
     * The lower-case top-level directories of every path the pattern can match as a whole, with "" standing for
     * files at the root; empty when they cannot be listed (a pattern that allows any leading directories).
     */
    static Optional<Set<String>> topDirectories(Pattern pattern) {
        return TOPS.computeIfAbsent(key(pattern), k -> automaton(pattern).flatMap(a -> {
            Set<String> tops = new TreeSet<>();
            return walkForward(Set.of(a.getInitialState()), new StringBuilder(), tops)
                    ? Optional.of(Set.copyOf(tops)) : Optional.empty();
        }));
    }

    private static final Map<String, Optional<Set<String>>> TOPS = new ConcurrentHashMap<>();
    private static final int MAX_DIRECTORY_NAME = 32;

    /**
     * Whole names where the pattern spells them; when it spells too many ({@code [a-z]+\.md}), names are read
     * only up to their last dot, which still fixes their endings.
     */
    private static Optional<FileNames> analyse(Pattern pattern) {
        return automaton(pattern).flatMap(automaton -> {
            Set<State> ends = SpecialOperations.reverse(automaton);
            return names(ends, false).or(() -> names(ends, true));
        });
    }

    private static Optional<FileNames> names(Set<State> ends, boolean endingsOnly) {
        NameWalk walk = new NameWalk(endingsOnly);
        return walk.read(ends, new StringBuilder())
                ? Optional.of(new FileNames(Set.copyOf(walk.names), Set.copyOf(walk.endings))) : Optional.empty();
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

    /** One reading of a reversed automaton, from the end of the path back to the start of the file name. */
    private static final class NameWalk {
        /** Steps allowed: a pattern with many short choices would otherwise take exponential time. */
        private int budget = MAX_STEPS;
        private final boolean endingsOnly;
        private final Set<String> names = new TreeSet<>();
        private final Set<String> endings = new TreeSet<>();

        NameWalk(boolean endingsOnly) {
            this.endingsOnly = endingsOnly;
        }

        /** {@code reversed} holds the characters read so far; false when the names cannot be listed. */
        boolean read(Set<State> states, StringBuilder reversed) {
            if (states.isEmpty()) {
                return true;
            }
            if (--budget < 0 || names.size() > MAX_NAMES || endings.size() > MAX_ENDINGS) {
                return false;
            }
            boolean nameStarts = states.stream().anyMatch(State::isAccept) || !step(states, '/').isEmpty();
            if (nameStarts && reversed.length() > 0) {
                names.add(forwards(reversed));
            }
            Set<Character> choices = reversed.length() < MAX_NAME ? choicesOtherThan(states, '/', '/') : null;
            int lastDot = reversed.indexOf(".");
            if (choices == null || (endingsOnly && lastDot >= 0 && !choices.isEmpty())) {
                // Open from here on: any longer name. Its extension is fixed once its last dot has been read.
                if (lastDot < 0) {
                    return false;
                }
                endings.add(forwards(new StringBuilder(reversed.substring(0, lastDot))));
                return true;
            }
            for (char c : choices) {
                reversed.append(c);
                boolean listed = read(step(states, c), reversed);
                reversed.setLength(reversed.length() - 1);
                if (!listed) {
                    return false;
                }
            }
            return true;
        }
    }

    private static String forwards(StringBuilder reversed) {
        return new StringBuilder(reversed).reverse().toString().toLowerCase(Locale.ROOT);
    }

    private static Set<State> step(Set<State> states, char c) {
        Set<State> next = new HashSet<>();
        for (State state : states) {
            state.step(c, next);
        }
        return next;
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
