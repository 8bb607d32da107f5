package dev.bpkeeper.policy;

import dev.bpkeeper.criteria.Level;
import java.util.Arrays;
import java.util.List;

/**
 * The vocabulary of {@code openssf-best-practices.yml}: every key and every allowed value, in one place that the
 * parser, the problems it reports and the schema test read.
 */
public final class ConfigKeys {
    /** Where a repository keeps its file. */
    public static final String REPOSITORY_FILE = ".github/openssf-best-practices.yml";
    /** Where an organisation keeps its defaults: at the root of its {@code .github} repository. */
    public static final String ORGANISATION_FILE = "openssf-best-practices.yml";
    /** The organisation's repository that holds its defaults (GitHub's community-health repository). */
    public static final String ORGANISATION_REPOSITORY = ".github";

    public static final String TARGET_LEVEL = "target_level";
    public static final String CRITERIA = "criteria";
    public static final String STATUS = "status";
    public static final String JUSTIFICATION = "justification";
    public static final String FIXUP_PULL_REQUESTS = "fixup_pull_requests";
    public static final String ENABLED = "enabled";
    public static final String FILES = "files";
    public static final String CHECK_RUN = "check_run";
    public static final String PATHS = "paths";
    public static final String PROJECT_URL = "project_url";
    public static final String BADGE_ID = "badge_id";
    public static final String LOCKED = "locked";

    /** Top-level keys, in the order the README documents them. */
    public static final List<String> TOP_LEVEL = List.of(TARGET_LEVEL, CRITERIA, CHECK_RUN, FIXUP_PULL_REQUESTS,
            PATHS, PROJECT_URL, BADGE_ID, LOCKED);
    public static final List<String> CRITERION_KEYS = List.of(STATUS, JUSTIFICATION);
    public static final List<String> FIXUP_KEYS = List.of(ENABLED, FILES);
    /** The answers a maintainer may declare; "?" is what we say when nobody answered, so it is not one. */
    public static final List<String> STATUSES = List.of("Met", "Unmet", "N/A");
    /** Top-level keys an organisation may lock ({@code locked} itself cannot be). */
    public static final List<String> LOCKABLE = TOP_LEVEL.stream().filter(k -> !k.equals(LOCKED)).toList();
    /** Each path costs a request and a check run; a repository with more projects splits its configuration. */
    public static final int MAX_PATHS = 10;
    /** A project's page on bestpractices.dev, with or without a locale; group 1 is the project's id. */
    public static final java.util.regex.Pattern PROJECT_URL_PATTERN = java.util.regex.Pattern.compile(
            "https://(?:www\\.)?bestpractices\\.dev/(?:[a-z]{2}(?:-[A-Za-z]{2,4})?/)?projects/([1-9][0-9]{0,9})/?");

    private ConfigKeys() {
    }

    public static List<String> targetLevels() {
        return Arrays.stream(Level.values()).map(Level::key).toList();
    }

    public static List<String> checkRunModes() {
        return Arrays.stream(CheckRunMode.values()).map(CheckRunMode::key).toList();
    }
}
