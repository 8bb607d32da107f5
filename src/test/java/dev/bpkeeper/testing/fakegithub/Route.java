package dev.bpkeeper.testing.fakegithub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One operation the fake serves. The template is the OpenAPI path; parameters that may hold slashes on GitHub (refs,
 * content paths, branch names, compare ranges) match greedily.
 *
 * @param specTemplate the operation's path in the OpenAPI document, or null when it has no contract (GraphQL)
 */
record Route(String method, String template, Pattern pattern, List<String> names, Access access, String permission,
        String level, Handler handler, String specTemplate) {

    enum Access {
        /** Anyone, authenticated or not. */
        ANY,
        /** An app JWT. */
        APP,
        /** An installation token; with {owner}/{repo} in the path the token must also see the repository. */
        INSTALLATION
    }

    @FunctionalInterface
    interface Handler {
        Reply handle(Call call) throws Exception;
    }

    private static final Set<String> GREEDY = Set.of("ref", "path", "branch", "basehead");
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");

    static Route of(String method, String template, Access access, Handler handler) {
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder();
        Matcher m = PARAMETER.matcher(template);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start())));
            names.add(m.group(1));
            regex.append(GREEDY.contains(m.group(1)) ? "(.+?)" : "([^/]+)");
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return new Route(method, template, Pattern.compile(regex.toString()), List.copyOf(names), access, null, null,
                handler, template);
    }

    Route needs(String permission, String level) {
        return new Route(method, template, pattern, names, access, permission, level, handler, specTemplate);
    }

    /** Serve without an OpenAPI operation to check against. */
    Route withoutContract() {
        return new Route(method, template, pattern, names, access, permission, level, handler, null);
    }

    /** Check against another operation's path (e.g. the repository root listing against {@code contents/{path}}). */
    Route checkedAs(String otherTemplate) {
        return new Route(method, template, pattern, names, access, permission, level, handler, otherTemplate);
    }

    /** Raw (still percent-encoded) parameter values when the path matches. */
    Map<String, String> match(String method, String rawPath) {
        if (!this.method.equals(method)) {
            return null;
        }
        Matcher m = pattern.matcher(rawPath);
        if (!m.matches()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), m.group(i + 1));
        }
        return values;
    }

    /**
     * The path to hand the contract validator: OpenAPI path parameters cannot span segments, so slashes inside a
     * parameter are encoded; a parameter this route lacks (root listing) becomes an encoded slash.
     */
    String contractPath(Map<String, String> rawValues) {
        Matcher m = PARAMETER.matcher(specTemplate);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = rawValues.getOrDefault(m.group(1), "%2F");
            m.appendReplacement(out, Matcher.quoteReplacement(value.replace("/", "%2F")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
