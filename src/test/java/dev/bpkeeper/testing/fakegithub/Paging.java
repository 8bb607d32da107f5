package dev.bpkeeper.testing.fakegithub;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** GitHub's page/per_page pagination with a {@code Link} header (next, last, first, prev) when there is more than one page. */
final class Paging {
    record Page<T>(List<T> items, String link) {
        Reply decorate(Reply reply) {
            return link == null ? reply : reply.withHeader("Link", link);
        }
    }

    private Paging() {
    }

    static <T> Page<T> page(List<T> all, Call call) {
        int perPage = Math.max(1, Math.min(100, call.intQuery("per_page", 30)));
        int page = Math.max(1, call.intQuery("page", 1));
        int last = Math.max(1, (all.size() + perPage - 1) / perPage);
        int from = Math.min(all.size(), (page - 1) * perPage);
        List<T> items = all.subList(from, Math.min(all.size(), from + perPage));
        if (last == 1) {
            return new Page<>(List.copyOf(items), null);
        }
        List<String> links = new ArrayList<>();
        if (page < last) {
            links.add(link(call, perPage, page + 1, "next"));
            links.add(link(call, perPage, last, "last"));
        }
        if (page > 1) {
            links.add(link(call, perPage, 1, "first"));
            links.add(link(call, perPage, Math.min(page - 1, last), "prev"));
        }
        return new Page<>(List.copyOf(items), String.join(", ", links));
    }

    private static String link(Call call, int perPage, int page, String rel) {
        Map<String, String> query = new LinkedHashMap<>(call.query);
        query.put("per_page", Integer.toString(perPage));
        query.put("page", Integer.toString(page));
        StringBuilder url = new StringBuilder(call.baseUrl).append(call.path).append('?');
        query.forEach((k, v) -> url.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        url.setLength(url.length() - 1);
        return "<" + url + ">; rel=\"" + rel + "\"";
    }
}
