package dev.bpkeeper.policy;

/**
 * Something wrong in a configuration file, said precisely enough to fix it without reading our code.
 *
 * @param file where the file is ("`.github/openssf-best-practices.yml`", or the organisation's file)
 * @param line 1-based line of the value at fault, or 0 when the problem is about the file as a whole
 * @param key the key at fault as a dotted path ("criteria.crypto_weaknesses.status"), or "" for the file
 * @param message what is wrong and what is allowed
 */
public record ConfigProblem(String file, int line, String key, String message) {

    /** "file, line 3, `check_run`: ..." — the form check runs and the command line show. */
    public String describe() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(", line ").append(line);
        }
        if (!key.isEmpty()) {
            text.append(", `").append(key).append('`');
        }
        return text.append(": ").append(message).toString();
    }
}
