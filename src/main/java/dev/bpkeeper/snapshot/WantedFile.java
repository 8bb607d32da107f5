package dev.bpkeeper.snapshot;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A declaration by an evaluator: "I read the contents of files whose path matches this". The gatherer
 * fetches only files declared this way, and only up to {@link #MAX_BYTES}.
 *
 * @param pathPattern a regular expression matched against the whole lower-case path
 * @param maxFiles how many matching files are worth reading at most
 */
public record WantedFile(Pattern pathPattern, int maxFiles) {
    /** Larger files are not fetched: the documents we read are small, and a budget keeps requests cheap. */
    public static final long MAX_BYTES = 256 * 1024;

    public static WantedFile matching(String regex) {
        return new WantedFile(Pattern.compile(regex), 8);
    }

    public static WantedFile matching(String regex, int maxFiles) {
        return new WantedFile(Pattern.compile(regex), maxFiles);
    }

    public boolean matches(String path) {
        return pathPattern.matcher(path.toLowerCase(Locale.ROOT)).matches();
    }
}
