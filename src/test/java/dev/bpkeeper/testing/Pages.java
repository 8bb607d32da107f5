package dev.bpkeeper.testing;

import static io.restassured.RestAssured.given;

import dev.bpkeeper.read.ReadRequest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/**
 * The badge, report and organisation pages as tests ask for them: one place that spells their addresses (a
 * monorepo's sub-project, stored as "owner/name/services/api", is asked for with {@code ?path=}), sends them to the
 * running app exactly as written, or hands them to the read handler as a server would.
 */
public final class Pages {
    private Pages() {
    }

    /** The metal badge, "/badge/owner/name.svg". */
    public static String badge(String project) {
        return address("/badge/", project, ".svg", null);
    }

    public static String baselineBadge(String project) {
        return address("/badge/", project, ".svg", "level=baseline");
    }

    /** The shields.io endpoint, "/badge/owner/name.json". */
    public static String badgeJson(String project) {
        return address("/badge/", project, ".json", null);
    }

    public static String report(String project) {
        return address("/report/", project, "", null);
    }

    public static String reportJson(String project) {
        return address("/report/", project, ".json", null);
    }

    public static String org(String owner) {
        return "/org/" + owner;
    }

    /** GET from the running app, the address sent as written (never encoded again, so hostile paths stay hostile). */
    public static Response get(String address) {
        return raw().get(address);
    }

    /** GET with request headers, e.g. If-None-Match. */
    public static Response get(String address, Map<String, String> headers) {
        return raw().headers(headers).get(address);
    }

    /** The request as the read handler receives it from a server: path and query apart, nothing decoded. */
    public static ReadRequest request(String method, String address, Map<String, String> headers) {
        int query = address.indexOf('?');
        return new ReadRequest(method, query < 0 ? address : address.substring(0, query),
                query < 0 ? "" : address.substring(query + 1), headers);
    }

    public static ReadRequest request(String address) {
        return request("GET", address, Map.of());
    }

    private static RequestSpecification raw() {
        return given().urlEncodingEnabled(false);
    }

    private static String address(String prefix, String project, String suffix, String query) {
        String[] parts = project.split("/", 3);
        String path = parts.length > 2 ? "path=" + parts[2] : null;
        String all = path == null ? query : query == null ? path : path + "&" + query;
        return prefix + parts[0] + "/" + parts[1] + suffix + (all == null ? "" : "?" + all);
    }
}
