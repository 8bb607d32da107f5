package dev.bpkeeper.evaluate;

/**
 * Where to look to check an answer.
 *
 * @param label what the link shows ("SECURITY.md", "repository settings")
 * @param link a URL pinned to the evaluated commit, or a repository path when the forge is unknown
 * @param path the repository path the evidence is about, for annotations; empty when not a file
 */
public record Evidence(String label, String link, String path) {

    public static Evidence file(String path, String link) {
        return new Evidence(path, link, path);
    }

    public static Evidence page(String label, String link) {
        return new Evidence(label, link, "");
    }

    public boolean isUrl() {
        return link.startsWith("https://") || link.startsWith("http://");
    }
}
