package dev.bpkeeper.gather;

import dev.bpkeeper.criteria.Level;
import dev.bpkeeper.evaluate.Status;
import dev.bpkeeper.policy.CheckRunMode;
import dev.bpkeeper.policy.ConfigFile;
import dev.bpkeeper.policy.ConfigKeys;
import dev.bpkeeper.policy.ConfigProblem;
import dev.bpkeeper.policy.Declaration;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads {@code openssf-best-practices.yml} from the YAML node tree, which keeps each value's line, so that every
 * problem names its file, line, key and the allowed values. A wrong value is reported and left out: the default
 * (or the organisation's value) applies to it, and the rest of the file still counts.
 */
public final class ConfigParser {
    private static final String IGNORED = "; ignored";

    private final String file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, Integer> lines = new HashMap<>();
    private Optional<Level> targetLevel = Optional.empty();
    private final Map<String, Declaration> criteria = new LinkedHashMap<>();
    private Optional<CheckRunMode> checkRun = Optional.empty();
    private Optional<Boolean> fixupEnabled = Optional.empty();
    private Optional<List<String>> fixupFiles = Optional.empty();
    private Optional<List<String>> paths = Optional.empty();
    private Optional<String> projectUrl = Optional.empty();
    private Optional<Long> badgeId = Optional.empty();
    private final Set<String> locked = new LinkedHashSet<>();

    private ConfigParser(String file) {
        this.file = file;
    }

    /**
     * @param file how problems name the file (its path, or where the organisation's file lives)
     */
    public static ConfigFile parse(String file, String text) {
        return new ConfigParser(file).read(text);
    }

    private ConfigFile read(String text) {
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowRecursiveKeys(false);
            root = new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            return ConfigFile.empty(file, List.of(new ConfigProblem(file, mark == null ? 0 : mark.getLine() + 1, "",
                    "is not valid YAML (" + e.getProblem() + "); the whole file is ignored")));
        } catch (YAMLException e) {
            return ConfigFile.empty(file, List.of(new ConfigProblem(file, 0, "", "is not valid YAML ("
                    + e.getMessage() + "); the whole file is ignored")));
        }
        if (root == null) {
            return ConfigFile.empty(file, List.of());
        }
        if (!(root instanceof MappingNode mapping)) {
            return ConfigFile.empty(file, List.of(new ConfigProblem(file, line(root), "", "must be a mapping of keys ("
                    + String.join(", ", ConfigKeys.TOP_LEVEL) + "); the whole file is ignored")));
        }
        for (Map.Entry<String, NodeTuple> entry : entries(mapping, "").entrySet()) {
            String key = entry.getKey();
            Node value = entry.getValue().getValueNode();
            if (!ConfigKeys.TOP_LEVEL.contains(key)) {
                problem(entry.getValue().getKeyNode(), key, "is not a key of this file; the keys are "
                        + String.join(", ", ConfigKeys.TOP_LEVEL) + IGNORED);
                continue;
            }
            lines.put(key, line(entry.getValue().getKeyNode()));
            switch (key) {
                case ConfigKeys.TARGET_LEVEL -> targetLevel = oneOf(value, key, ConfigKeys.targetLevels())
                        .flatMap(Level::fromKey);
                case ConfigKeys.CHECK_RUN -> checkRun = oneOf(value, key, ConfigKeys.checkRunModes())
                        .flatMap(CheckRunMode::fromKey);
                case ConfigKeys.CRITERIA -> criteria(value);
                case ConfigKeys.FIXUP_PULL_REQUESTS -> fixup(value);
                case ConfigKeys.PATHS -> paths = stringList(value, key).map(list -> paths(value, list));
                case ConfigKeys.PROJECT_URL -> projectUrl = scalar(value, key).filter(url -> {
                    boolean valid = ConfigKeys.PROJECT_URL_PATTERN.matcher(url).matches();
                    if (!valid) {
                        problem(value, key, "`" + url + "` is not a project page on bestpractices.dev; use"
                                + " https://www.bestpractices.dev/projects/<id>" + IGNORED);
                    }
                    return valid;
                });
                case ConfigKeys.BADGE_ID -> badgeId = scalar(value, key).flatMap(id -> badgeId(value, id));
                case ConfigKeys.LOCKED -> stringList(value, key).ifPresent(list -> list.forEach(k -> {
                    if (ConfigKeys.LOCKABLE.contains(k)) {
                        locked.add(k);
                    } else {
                        problem(value, key, "`" + k + "` cannot be locked; the keys that can are "
                                + String.join(", ", ConfigKeys.LOCKABLE) + IGNORED);
                    }
                }));
                default -> throw new IllegalStateException("unhandled key " + key);
            }
        }
        return new ConfigFile(file, lines, targetLevel, criteria, checkRun, fixupEnabled, fixupFiles, paths,
                projectUrl, badgeId, locked, problems);
    }

    private void criteria(Node value) {
        if (!(value instanceof MappingNode mapping)) {
            problem(value, ConfigKeys.CRITERIA, "must map criterion ids to {status, justification}" + IGNORED);
            return;
        }
        for (Map.Entry<String, NodeTuple> entry : entries(mapping, ConfigKeys.CRITERIA + ".").entrySet()) {
            String id = entry.getKey();
            String key = ConfigKeys.CRITERIA + "." + id;
            Node answer = entry.getValue().getValueNode();
            if (!(answer instanceof MappingNode fields)) {
                problem(answer, key, "must be a mapping with `status` (" + String.join(", ", ConfigKeys.STATUSES)
                        + ") and `justification`" + IGNORED);
                continue;
            }
            Map<String, NodeTuple> byName = entries(fields, key + ".");
            byName.forEach((name, tuple) -> {
                if (!ConfigKeys.CRITERION_KEYS.contains(name)) {
                    problem(tuple.getKeyNode(), key + "." + name, "is not a key of a criterion; the keys are "
                            + String.join(", ", ConfigKeys.CRITERION_KEYS) + IGNORED);
                }
            });
            Optional<Status> status = Optional.ofNullable(byName.get(ConfigKeys.STATUS))
                    .flatMap(t -> status(t.getValueNode(), key + "." + ConfigKeys.STATUS));
            if (!byName.containsKey(ConfigKeys.STATUS)) {
                problem(answer, key, "has no `status`; use one of " + String.join(", ", ConfigKeys.STATUSES)
                        + "; the declaration is ignored");
            }
            Optional<String> justification = Optional.ofNullable(byName.get(ConfigKeys.JUSTIFICATION))
                    .flatMap(t -> scalar(t.getValueNode(), key + "." + ConfigKeys.JUSTIFICATION))
                    .map(String::strip).filter(j -> !j.isEmpty());
            if (justification.isEmpty()) {
                Node where = byName.containsKey(ConfigKeys.JUSTIFICATION)
                        ? byName.get(ConfigKeys.JUSTIFICATION).getValueNode() : answer;
                problem(where, key + "." + ConfigKeys.JUSTIFICATION, "is mandatory: say why, in words"
                        + " bestpractices.dev can show; the declaration is ignored");
            }
            if (status.isPresent() && justification.isPresent()) {
                criteria.put(id, new Declaration(id, status.get(), justification.get(), file,
                        line(entry.getValue().getKeyNode()), line(byName.get(ConfigKeys.STATUS).getValueNode()),
                        line(byName.get(ConfigKeys.JUSTIFICATION).getValueNode())));
            }
        }
    }

    private Optional<Status> status(Node value, String key) {
        return scalar(value, key).flatMap(text -> {
            for (Status status : Status.values()) {
                if (ConfigKeys.STATUSES.contains(status.label()) && status.label().equalsIgnoreCase(text.strip())) {
                    return Optional.of(status);
                }
            }
            problem(value, key, "`" + text + "` is not allowed; use one of " + String.join(", ", ConfigKeys.STATUSES)
                    + "; the declaration is ignored");
            return Optional.empty();
        });
    }

    private void fixup(Node value) {
        String key = ConfigKeys.FIXUP_PULL_REQUESTS;
        if (value instanceof ScalarNode) {
            fixupEnabled = bool(value, key);
            return;
        }
        if (!(value instanceof MappingNode mapping)) {
            problem(value, key, "must be true, false, or a mapping with `enabled` and `files`" + IGNORED);
            return;
        }
        entries(mapping, key + ".").forEach((name, tuple) -> {
            switch (name) {
                case ConfigKeys.ENABLED -> fixupEnabled = bool(tuple.getValueNode(), key + "." + name);
                case ConfigKeys.FILES -> fixupFiles = stringList(tuple.getValueNode(), key + "." + name);
                default -> problem(tuple.getKeyNode(), key + "." + name, "is not a key of " + key
                        + "; the keys are " + String.join(", ", ConfigKeys.FIXUP_KEYS) + IGNORED);
            }
        });
    }

    /** Sub-directories, normalised ("services/a/" and "./services/a" are "services/a"; "." is the root). */
    private List<String> paths(Node value, List<String> raw) {
        List<String> result = new ArrayList<>();
        for (String path : raw) {
            String normal = path.strip().replace('\\', '/').replaceAll("/+", "/").replaceAll("^\\./", "")
                    .replaceAll("/$", "");
            normal = normal.equals(".") ? "" : normal;
            if (path.startsWith("/") || List.of(normal.split("/")).contains("..") || (normal.isEmpty()
                    && !path.strip().equals("."))) {
                problem(value, ConfigKeys.PATHS, "`" + path + "` is not a directory of the repository; use a"
                        + " relative path such as services/api, or . for the root" + IGNORED);
            } else if (result.contains(normal)) {
                problem(value, ConfigKeys.PATHS, "`" + path + "` is listed twice" + IGNORED);
            } else if (result.size() == ConfigKeys.MAX_PATHS) {
                problem(value, ConfigKeys.PATHS, "lists more than " + ConfigKeys.MAX_PATHS + " paths; `" + path
                        + "` and the ones after it are ignored");
                break;
            } else {
                result.add(normal);
            }
        }
        return result;
    }

    private Optional<Long> badgeId(Node value, String text) {
        if (text.matches("[1-9][0-9]{0,9}")) {
            return Optional.of(Long.parseLong(text));
        }
        problem(value, ConfigKeys.BADGE_ID, "`" + text + "` is not a project id; use the number in the project's"
                + " address on bestpractices.dev (https://www.bestpractices.dev/projects/<id>)" + IGNORED);
        return Optional.empty();
    }

    private Optional<String> oneOf(Node value, String key, List<String> allowed) {
        return scalar(value, key).filter(text -> {
            if (allowed.contains(text)) {
                return true;
            }
            problem(value, key, "`" + text + "` is not allowed; use one of " + String.join(", ", allowed)
                    + " (the default applies)");
            return false;
        });
    }

    private Optional<Boolean> bool(Node value, String key) {
        return scalar(value, key).flatMap(text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> Optional.of(true);
            case "false", "no", "off" -> Optional.of(false);
            default -> {
                problem(value, key, "`" + text + "` is not allowed; use true or false (the default applies)");
                yield Optional.empty();
            }
        });
    }

    private Optional<String> scalar(Node value, String key) {
        if (value instanceof ScalarNode scalar) {
            return Optional.of(scalar.getValue());
        }
        problem(value, key, "must be a single value, not a " + (value instanceof MappingNode ? "mapping" : "list")
                + IGNORED);
        return Optional.empty();
    }

    private Optional<List<String>> stringList(Node value, String key) {
        if (!(value instanceof SequenceNode sequence)) {
            problem(value, key, "must be a list (- item per line, or [a, b])" + IGNORED);
            return Optional.empty();
        }
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            scalar(item, key).ifPresent(items::add);
        }
        return Optional.of(items);
    }

    /** The mapping's entries by key; a key written twice is reported and its first value kept. */
    private Map<String, NodeTuple> entries(MappingNode mapping, String prefix) {
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problem(tuple.getKeyNode(), prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                        "a key must be a plain name" + IGNORED);
                continue;
            }
            String key = keyNode.getValue();
            if (entries.containsKey(key)) {
                problem(keyNode, prefix + key, "is written twice (first at line "
                        + line(entries.get(key).getKeyNode()) + "); the first is used");
                continue;
            }
            entries.put(key, tuple);
        }
        return entries;
    }

    private void problem(Node at, String key, String message) {
        problems.add(new ConfigProblem(file, line(at), key, message));
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
