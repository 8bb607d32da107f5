package dev.bpkeeper.read;

import java.util.regex.Pattern;

/**
 * GitHub's naming rules, checked before anything is looked up or written into a page: an account is 1 to 39
 * letters, digits or hyphens and does not start with a hyphen; a repository is 1 to 100 letters, digits, ".", "-"
 * or "_", and is not "." or "..". Nothing else (no "/", "%", spaces or markup) can reach storage or a page.
 */
public final class RepositoryNames {
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,38}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    public static final String RULES = "An owner is 1 to 39 letters, digits or hyphens (not starting with a hyphen); a "
            + "repository is 1 to 100 letters, digits, '.', '-' or '_'.";

    private RepositoryNames() {
    }

    public static boolean isOwner(String owner) {
        return owner != null && OWNER.matcher(owner).matches();
    }

    /**
     * A monorepo sub-project's path, as configured under {@code paths}: up to 10 segments, each a valid repository
     * name (so no ".", "..", empty segment or leading "/").
     */
    public static boolean isProjectPath(String path) {
        if (path == null || path.isEmpty() || path.length() > 300) {
            return false;
        }
        String[] segments = path.split("/", -1);
        if (segments.length > 10) {
            return false;
        }
        for (String segment : segments) {
            if (!isRepository(segment)) {
                return false;
            }
        }
        return true;
    }

    /** "owner/repository", each part by the rules above. */
    public static boolean isFullName(String fullName) {
        if (fullName == null) {
            return false;
        }
        int slash = fullName.indexOf('/');
        return slash > 0 && isOwner(fullName.substring(0, slash)) && isRepository(fullName.substring(slash + 1));
    }

    public static boolean isRepository(String name) {
        return name != null && REPOSITORY.matcher(name).matches() && !name.equals(".") && !name.equals("..");
    }
}
