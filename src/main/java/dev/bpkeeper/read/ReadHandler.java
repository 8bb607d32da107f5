package dev.bpkeeper.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.badge.BadgeSvg;
import dev.bpkeeper.act.badge.Badges;
import dev.bpkeeper.act.badge.ShieldsEndpoint;
import dev.bpkeeper.act.report.BestPracticesJson;
import dev.bpkeeper.act.report.OrgReport;
import dev.bpkeeper.act.report.Report;
import dev.bpkeeper.act.report.ReportPages;
import dev.bpkeeper.act.store.EvaluationStore;
import dev.bpkeeper.act.store.InstallationStore;
import dev.bpkeeper.act.store.LatestChanged;
import dev.bpkeeper.act.store.StorageException;
import dev.bpkeeper.act.store.StoredEvaluation;
import dev.bpkeeper.orchestrate.AppSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Every read-only page in one place, as (method, path, headers) → (status, headers, body), so that the local
 * server and the Lambda function answer alike: the badge (SVG and shields.io JSON), the report (HTML and JSON) and
 * the organisation's table.
 *
 * <p>Speed: the latest result of a repository is kept in memory for {@link ReadSettings#cacheTtl()} (or until this
 * process stores a new one), and each rendered answer is kept by the stored result's ETag, so a popular badge is a
 * map lookup.
 * {@link #fromMemory} answers only from memory (safe on an event loop); {@link #handle} may read DynamoDB.
 *
 * <p>Privacy: a private repository's result is treated exactly as if it did not exist (same status, same body)
 * unless its owner is listed in {@code bpkeeper.read.show-private-owners}.
 */
@Singleton
public class ReadHandler {
    private static final Logger LOG = Logger.getLogger(ReadHandler.class);
    /** Part of every ETag: bump it when a page's rendering changes, so that cached copies are not kept. */
    static final String FORMAT = "r1";
    /** Memory for rendered answers: thousands of badges and report pages (a report page is a few hundred KB). */
    static final long RENDERED_BYTES = 64L << 20;
    static final String SVG = "image/svg+xml;charset=utf-8";
    static final String JSON = "application/json";
    static final String HTML = "text/html;charset=utf-8";
    static final String TEXT = "text/plain;charset=utf-8";
    /** GitHub's image proxy (camo) honours no-store only; anything cacheable shows a stale badge for hours. */
    static final String NO_STORE = "no-store";
    static final String SHORT = "public, max-age=60";
    static final String REVALIDATE = "no-cache";
    static final String PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";
    static final String SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

    @Inject
    EvaluationStore evaluations;

    @Inject
    InstallationStore installations;

    @Inject
    ReportPages pages;

    @Inject
    ReadSettings settings;

    @Inject
    AppSettings app;

    @Inject
    ObjectMapper json;

    private MemoryCache<String, Optional<StoredEvaluation>> latest;
    private MemoryCache<String, ReadResponse> orgs;
    private RenderedAnswers rendered;
    /** Counts changes to stored results seen by this process, so that a read racing a change is not kept. */
    private final AtomicLong changes = new AtomicLong();

    /** The answer if memory alone can give it; empty when storage must be read (then call {@link #handle}). */
    public Optional<ReadResponse> fromMemory(ReadRequest request) {
        return answer(request, false);
    }

    /** The answer, reading storage when needed; blocks. */
    public ReadResponse handle(ReadRequest request) {
        try {
            return answer(request, true).orElseThrow();
        } catch (StorageException e) {
            LOG.warnf("A read could not be answered: %s", e.getMessage());
            return plain(503, "The results are unavailable for a moment; try again shortly.");
        }
    }

    private Optional<ReadResponse> answer(ReadRequest request, boolean mayBlock) {
        if (request.method().equals("OPTIONS")) {
            return Optional.of(preflight());
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return Optional.of(withHeader(plain(405, "Only GET and HEAD are answered here."), "Allow",
                    "GET, HEAD, OPTIONS"));
        }
        ReadRoute route = ReadRoute.parse(request);
        Optional<ReadResponse> full = switch (route.kind()) {
            case NOT_FOUND -> Optional.of(plain(404, "Nothing here. Pages: /badge/{owner}/{repo}.svg, "
                    + "/badge/{owner}/{repo}.json, /report/{owner}/{repo}, /report/{owner}/{repo}.json, /org/{owner}."));
            case INVALID -> Optional.of(plain(400, route.problem()));
            case ORG -> org(route, mayBlock);
            default -> repository(route, mayBlock);
        };
        return full.map(response -> conditional(request, response));
    }

    private Optional<ReadResponse> repository(ReadRoute route, boolean mayBlock) {
        String key = route.repository().toLowerCase(Locale.ROOT);
        Optional<StoredEvaluation> result = latest.get(key);
        if (result == null) {
            if (!mayBlock) {
                return Optional.empty();
            }
            long before = changes.get();
            result = evaluations.latest(route.repository()).filter(this::visible);
            rememberUnlessChanged(latest, key, result, before);
        }
        String page = route.variant() + "|" + key;
        String etag = result.map(StoredEvaluation::etag).orElse("-");
        ReadResponse cached = rendered.get(page, etag);
        if (cached != null) {
            return Optional.of(cached);
        }
        if (!mayBlock) {
            return Optional.empty();
        }
        ReadResponse made = render(route, result);
        rendered.put(page, etag, made);
        return Optional.of(made);
    }

    private boolean visible(StoredEvaluation evaluation) {
        return !evaluation.privateRepository() || settings.showsPrivateOf(owner(evaluation.repository()));
    }

    private ReadResponse render(ReadRoute route, Optional<StoredEvaluation> result) {
        return switch (route.kind()) {
            case BADGE_SVG -> badgeSvg(route, result);
            case BADGE_JSON -> badgeJson(route, result);
            case REPORT_HTML -> reportHtml(route, result);
            case REPORT_JSON -> reportJson(route, result);
            default -> throw new IllegalStateException("Not a repository page: " + route.kind());
        };
    }

    private ReadResponse badgeSvg(ReadRoute route, Optional<StoredEvaluation> result) {
        Badges.Series series = route.series();
        String svg = BadgeSvg.render(result.map(e -> Badges.of(e.view(), series))
                .orElseGet(() -> Badges.notEvaluated(series)));
        Map<String, String> headers = headers(SVG, NO_STORE, true);
        headers.put("Content-Security-Policy", SVG_CSP);
        result.ifPresent(e -> headers.put("ETag", etag(e.etag(), route)));
        return new ReadResponse(result.isPresent() ? 200 : 404, headers, bytes(svg));
    }

    private ReadResponse badgeJson(ReadRoute route, Optional<StoredEvaluation> result) {
        Badges.Series series = route.series();
        Map<String, Object> body = ShieldsEndpoint.of(result.map(e -> Badges.of(e.view(), series))
                .orElseGet(() -> Badges.notEvaluated(series)));
        Map<String, String> headers = headers(JSON, result.isPresent() ? SHORT : NO_STORE, true);
        result.ifPresent(e -> headers.put("ETag", etag(e.etag(), route)));
        return new ReadResponse(result.isPresent() ? 200 : 404, headers, writeJson(body));
    }

    private ReadResponse reportHtml(ReadRoute route, Optional<StoredEvaluation> result) {
        if (result.isEmpty()) {
            Map<String, String> headers = headers(HTML, NO_STORE, false);
            headers.put("Content-Security-Policy", PAGE_CSP);
            return new ReadResponse(404, headers, bytes(pages.notFound("Not evaluated",
                    "There is no public result for " + route.repository() + ".")));
        }
        StoredEvaluation e = result.get();
        String base = app.publicUrl().map(u -> u.replaceAll("/+$", "")).orElse("http://localhost:8080");
        String project = e.repository();
        String snippet = "[![OpenSSF Best Practices](" + base + link("/badge/", project, ".svg", null) + ")](" + base
                + link("/report/", project, "", null) + ")";
        String html = pages.report(report(e), link("/badge/", project, ".svg", null),
                link("/badge/", project, ".svg", "level=baseline"), link("/report/", project, ".json", null), snippet);
        Map<String, String> headers = headers(HTML, REVALIDATE, false);
        headers.put("Content-Security-Policy", PAGE_CSP);
        headers.put("ETag", etag(e.etag(), route));
        return new ReadResponse(200, headers, bytes(html));
    }

    private ReadResponse reportJson(ReadRoute route, Optional<StoredEvaluation> result) {
        if (result.isEmpty()) {
            return new ReadResponse(404, headers(JSON, NO_STORE, true), writeJson(Map.of("error",
                    "There is no public result for " + route.repository() + ".")));
        }
        StoredEvaluation e = result.get();
        Report report = report(e);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("repository", e.repository());
        body.put("commit", e.commitSha());
        body.put("commit_time", e.commitTime().toString());
        body.put("evaluated_at", e.evaluatedAt().toString());
        body.put("check_run_url", report.checkRunUrl());
        body.put("badge", e.view().badge());
        body.put("baseline_badge", e.view().baseline_badge());
        body.put("levels", e.view().levels());
        body.put("edit_urls", report.levels().stream().collect(LinkedHashMap::new,
                (m, l) -> m.put(l.level(), l.editUrl()), Map::putAll));
        body.put("criteria", e.view().criteria());
        body.put("bestpractices_json", BestPracticesJson.of(e.view()));
        Map<String, String> headers = headers(JSON, SHORT, true);
        headers.put("ETag", etag(e.etag(), route));
        return new ReadResponse(200, headers, writeJson(body));
    }

    private static Report report(StoredEvaluation e) {
        return Report.of(e.repository(), e.commitSha(), e.evaluatedAt().toString(), e.checkRunUrl(), e.view(),
                e.badgeId());
    }

    private Optional<ReadResponse> org(ReadRoute route, boolean mayBlock) {
        String sort = OrgReport.SORTS.contains(route.sort()) ? route.sort() : "level";
        String key = route.owner().toLowerCase(Locale.ROOT) + "|" + sort;
        ReadResponse cached = orgs.get(key);
        if (cached != null || !mayBlock) {
            return Optional.ofNullable(cached);
        }
        long before = changes.get();
        ReadResponse made = installations.findByAccount(route.owner()).map(installation -> {
            List<StoredEvaluation> shown = evaluations.latestOf(evaluations.repositoriesOf(installation.id())).stream()
                    .filter(this::visible).filter(e -> owner(e.repository()).equalsIgnoreCase(installation.account()))
                    .toList();
            List<OrgReport.Row> rows = shown.stream().map(e -> OrgReport.row(e.repository(),
                    link("/report/", e.repository(), "", null), link("/badge/", e.repository(), ".svg", null),
                    e.evaluatedAt().toString(), e.view())).toList();
            String progress = installations.progress(installation.id()).map(p -> p.done()
                    ? "all " + p.total() + " repositories evaluated at installation"
                    : p.evaluated() + " of " + p.total() + " repositories evaluated so far").orElse(null);
            String html = pages.org(OrgReport.of(installation.account(), sort, progress, rows));
            Map<String, String> headers = headers(HTML, REVALIDATE, false);
            headers.put("Content-Security-Policy", PAGE_CSP);
            headers.put("ETag", "\"" + sha256(html) + "\"");
            return new ReadResponse(200, headers, bytes(html));
        }).orElseGet(() -> {
            Map<String, String> headers = headers(HTML, NO_STORE, false);
            headers.put("Content-Security-Policy", PAGE_CSP);
            return new ReadResponse(404, headers, bytes(pages.notFound("Not installed",
                    "The app has no results for " + route.owner() + ".")));
        });
        rememberUnlessChanged(orgs, key, made, before);
        return Optional.of(made);
    }

    /** 304 when the client already has this version; no body for HEAD. */
    private static ReadResponse conditional(ReadRequest request, ReadResponse response) {
        String etag = response.header("ETag");
        if (etag != null && response.status() == 200 && request.header("If-None-Match")
                .map(header -> matches(header, etag)).orElse(false)) {
            return response.withoutBody(304);
        }
        return request.method().equals("HEAD") ? response.withoutBody(response.status()) : response;
    }

    /** If-None-Match compares weakly (RFC 9110): a W/ prefix does not matter, "*" matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etag(String stored, ReadRoute route) {
        return "\"" + stored + "-" + route.variant() + "-" + FORMAT + "\"";
    }

    private static Map<String, String> headers(String contentType, String cacheControl, boolean anyOrigin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", contentType);
        headers.put("Cache-Control", cacheControl);
        headers.put("X-Content-Type-Options", "nosniff");
        if (anyOrigin) {
            headers.put("Access-Control-Allow-Origin", "*");
            headers.put("Access-Control-Expose-Headers", "ETag");
        }
        return headers;
    }

    private static ReadResponse preflight() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Allow-Methods", "GET, HEAD");
        headers.put("Access-Control-Allow-Headers", "If-None-Match");
        headers.put("Access-Control-Max-Age", "86400");
        return new ReadResponse(204, headers, new byte[0]);
    }

    private static ReadResponse plain(int status, String message) {
        return new ReadResponse(status, headers(TEXT, NO_STORE, false), bytes(message + "\n"));
    }

    private static ReadResponse withHeader(ReadResponse response, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        headers.put(name, value);
        return new ReadResponse(response.status(), headers, response.body());
    }

    private byte[] writeJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A page could not be written as JSON", e);
        }
    }

    /**
     * A page of a stored project: "/report/owner/name", or "/report/owner/name?path=services/api" for a monorepo's
     * sub-project (stored as "owner/name/services/api"). Stored names passed GitHub's rules, so they need no
     * encoding here; the templates escape them for HTML.
     */
    static String link(String prefix, String project, String suffix, String query) {
        String[] parts = project.split("/", 3);
        String repository = parts[0] + "/" + parts[1];
        String path = parts.length > 2 ? "path=" + parts[2] : null;
        String all = path == null ? query : query == null ? path : path + "&" + query;
        return prefix + repository + suffix + (all == null ? "" : "?" + all);
    }

    private static String owner(String repository) {
        int slash = repository.indexOf('/');
        return slash < 0 ? repository : repository.substring(0, slash);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(text))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A result stored, retired or deleted by this process shows at once: its repository's entry and its owner's
     * organisation pages are dropped from memory (rendered answers are kept by ETag, so they cannot go stale). On
     * AWS the evaluate function is another process, so there {@link ReadSettings#cacheTtl()} still bounds how late
     * a new result shows. Only observed once this handler exists: a process that never reads pays nothing.
     */
    void onLatestChanged(@Observes(notifyObserver = Reception.IF_EXISTS) LatestChanged change) {
        changes.incrementAndGet();
        String project = change.project().toLowerCase(Locale.ROOT);
        latest.remove(project);
        String owner = owner(project) + "|";
        orgs.removeIf(key -> key.startsWith(owner));
    }

    /** A read that started before a change may hold the old result: it is answered, but not kept. */
    private <V> void rememberUnlessChanged(MemoryCache<String, V> cache, String key, V value, long changesBefore) {
        if (changes.get() == changesBefore) {
            cache.put(key, value);
        }
    }

    /** Forgets everything kept in memory (tests, and after a configuration change). */
    public void forget() {
        latest.clear();
        orgs.clear();
        rendered.clear();
    }

    @PostConstruct
    void createCaches() {
        latest = new MemoryCache<>(settings.cacheTtl(), settings.cacheEntries());
        orgs = new MemoryCache<>(settings.cacheTtl(), settings.cacheEntries());
        // Rendered answers are kept with the stored result's ETag, so they never go stale; their bytes are bounded.
        rendered = new RenderedAnswers(RENDERED_BYTES);
    }
}
