package dev.bpkeeper.read;

import dev.bpkeeper.act.badge.Badges;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which page a path asks for. Paths are matched raw (never decoded), and every name is checked against GitHub's
 * rules before it goes anywhere.
 *
 * @param problem why the request is invalid, for {@link Kind#INVALID}
 */
record ReadRoute(Kind kind, String owner, String name, String path, boolean baseline, String sort, String problem) {

    enum Kind {
        BADGE_SVG, BADGE_JSON, REPORT_HTML, REPORT_JSON, ORG, INVALID, NOT_FOUND
    }

    private static final Pattern BADGE = Pattern.compile("/badge/([^/]+)/([^/]+)\\.(svg|json)");
    private static final Pattern REPORT = Pattern.compile("/report/([^/]+)/([^/]+?)(\\.json)?");
    private static final Pattern ORG = Pattern.compile("/org/([^/]+)/?");

    static ReadRoute parse(ReadRequest request) {
        String path = request.path();
        Matcher m = BADGE.matcher(path);
        if (m.matches()) {
            String level = request.param("level").orElse("");
            if (!level.isEmpty() && !level.equals("baseline") && !level.equals("metal")) {
                return invalid("The level parameter is either absent (the metal badge) or \"baseline\".");
            }
            return repository(m.group(3).equals("svg") ? Kind.BADGE_SVG : Kind.BADGE_JSON, m.group(1), m.group(2),
                    request, level.equals("baseline"));
        }
        m = REPORT.matcher(path);
        if (m.matches()) {
            return repository(m.group(3) == null ? Kind.REPORT_HTML : Kind.REPORT_JSON, m.group(1), m.group(2), request,
                    false);
        }
        m = ORG.matcher(path);
        if (m.matches()) {
            return RepositoryNames.isOwner(m.group(1))
                    ? new ReadRoute(Kind.ORG, m.group(1), null, null, false, request.param("sort").orElse("level"),
                    null)
                    : invalid(RepositoryNames.RULES);
        }
        return new ReadRoute(Kind.NOT_FOUND, null, null, null, false, null, null);
    }

    private static ReadRoute repository(Kind kind, String owner, String name, ReadRequest request,
                                        boolean baseline) {
        if (!RepositoryNames.isOwner(owner) || !RepositoryNames.isRepository(name)) {
            return invalid(RepositoryNames.RULES);
        }
        String path = request.param("path").map(p -> p.replaceAll("/+$", "")).orElse(null);
        if (path != null && !path.isEmpty() && !path.equals(".") && !RepositoryNames.isProjectPath(path)) {
            return invalid("The path parameter names a sub-project as configured under paths, e.g. services/api.");
        }
        boolean root = path == null || path.isEmpty() || path.equals(".");
        return new ReadRoute(kind, owner, name, root ? null : path, baseline, null, null);
    }

    private static ReadRoute invalid(String problem) {
        return new ReadRoute(Kind.INVALID, null, null, null, false, null, problem);
    }

    /** The stored project: "owner/name", or "owner/name/services/api" for a monorepo's sub-project. */
    String repository() {
        return owner + "/" + name + (path == null ? "" : "/" + path);
    }

    Badges.Series series() {
        return baseline ? Badges.Series.BASELINE : Badges.Series.METAL;
    }

    /** Which representation, for ETags and the render cache. */
    String variant() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + (baseline ? "-baseline" : "");
    }
}
