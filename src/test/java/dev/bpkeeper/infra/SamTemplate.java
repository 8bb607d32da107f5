package dev.bpkeeper.infra;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A CloudFormation/SAM template as plain maps and lists, with the short intrinsic-function tags (!Ref, !Sub,
 * !GetAtt ...) read as {@link Intrinsic} values instead of failing as unknown YAML tags.
 */
final class SamTemplate {
    private static final List<String> FUNCTIONS = List.of("Ref", "Sub", "GetAtt", "Join", "Select", "Split", "If",
            "Equals", "Not", "And", "Or", "FindInMap", "Base64", "Cidr", "ImportValue", "GetAZs", "Condition",
            "Transform");

    /** An intrinsic function: {@code !GetAtt Table.Arn} is ("GetAtt", "Table.Arn"). */
    record Intrinsic(String function, Object argument) {
        /** The resource or parameter this refers to: the logical id of a !Ref or !GetAtt, null otherwise. */
        String target() {
            if (function.equals("Ref")) {
                return argument.toString();
            }
            if (function.equals("GetAtt")) {
                return argument instanceof List<?> list ? list.get(0).toString()
                        : argument.toString().substring(0, argument.toString().indexOf('.'));
            }
            return null;
        }
    }

    private SamTemplate() {
    }

    static Map<String, Object> load(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return cast(new Yaml(new Constructor()).load(reader));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> ? (List<Object>) value : value == null ? new ArrayList<>() : List.of(value);
    }

    /** A deep, mutable copy (tests change copies to prove the checks notice). */
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(k.toString(), copy(v)));
            return result;
        }
        if (value instanceof List<?> items) {
            List<Object> result = new ArrayList<>();
            items.forEach(v -> result.add(copy(v)));
            return result;
        }
        if (value instanceof Intrinsic intrinsic) {
            return new Intrinsic(intrinsic.function(), copy(intrinsic.argument()));
        }
        return value;
    }

    private static final class Constructor extends SafeConstructor {
        Constructor() {
            super(new LoaderOptions());
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new ConstructIntrinsic(function));
            }
        }

        private final class ConstructIntrinsic extends AbstractConstruct {
            private final String function;

            ConstructIntrinsic(String function) {
                this.function = function;
            }

            @Override
            public Object construct(Node node) {
                Object argument;
                if (node instanceof ScalarNode scalar) {
                    argument = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    argument = constructSequence(sequence);
                } else {
                    argument = constructMapping((MappingNode) node);
                }
                return new Intrinsic(function, argument);
            }
        }
    }
}
