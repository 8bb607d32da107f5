package dev.bpkeeper.snapshot;

/**
 * Facts beyond the file tree that cost the gatherer an extra request; evaluators declare which ones they
 * read so that nothing is fetched that no evaluator uses.
 */
public enum Need {
    BRANCH_RULES,
    PRIVATE_VULNERABILITY_REPORTING,
    WORKFLOW_TOKEN_PERMISSIONS,
    TAGS,
    RELEASES,
    HISTORY,
    LANGUAGES,
    ORG_COMMUNITY_FILES
}
