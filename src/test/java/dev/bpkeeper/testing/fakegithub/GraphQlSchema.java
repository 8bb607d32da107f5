package dev.bpkeeper.testing.fakegithub;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.BooleanValue;
import graphql.language.Document;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnionWiringEnvironment;
import graphql.schema.idl.WiringFactory;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's published GraphQL schema ({@code @octokit/graphql-schema}, see src/test/resources/github-graphql), made
 * executable: a query is parsed, validated and checked against GitHub's pagination rules exactly where GitHub does
 * it, before anything runs, and then answered by resolving plain maps. Whatever a resolver returns passes through
 * the schema, so an answer can only hold the fields, types and nullability GitHub's schema has.
 *
 * <p>Objects are {@code Map}s: a key is a field's value, a {@link DataFetcher} value computes it from the
 * field's arguments, and {@code __typename} names the concrete type behind an interface or union. A field that
 * the query selects and the map lacks is reported as not served, so a product query that grows a field the fake
 * does not model fails with that field's name instead of reading a silent null.
 */
final class GraphQlSchema {
    /** GitHub's limits: https://docs.github.com/graphql/overview/rate-limits-and-node-limits-for-the-graphql-api */
    static final int MAX_PAGE = 100;
    static final long MAX_NODES = 500_000;

    private static final String RESOURCE = "/github-graphql/schema.graphql";
    private static final String UNSERVED = "unserved";
    private static volatile GraphQlSchema instance;

    private final GraphQLSchema schema;
    private final GraphQL graphQl;

    /** An error a resolver adds as GitHub words it (NOT_FOUND ...), or a static one (pagination, validation). */
    record GitHubError(String type, String code, String message, List<Object> path, List<SourceLocation> locations,
                       Map<String, Object> extensions) {
    }

    /**
     * @param data the answer's data, absent when the query never ran (GitHub then sends no {@code data} key)
     * @param errors GitHub's error list, empty when there is none
     * @param unserved fields the query selected that the fake does not model ("Repository.foo")
     * @param faults what went wrong inside the fake's own resolvers (a null for a non-null field, an exception)
     */
    record Outcome(Optional<Object> data, List<GitHubError> errors, Set<String> unserved, List<String> faults) {
        boolean executed() {
            return data.isPresent();
        }
    }

    private GraphQlSchema() {
        TypeDefinitionRegistry registry;
        try (InputStream in = GraphQlSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            registry = new SchemaParser().parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dropRepeatedFields(registry);
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new MapWiring());
        registry.scalars().keySet().stream().filter(name -> !ScalarInfo.isGraphqlSpecifiedScalar(name))
                .forEach(name -> wiring.scalar(lenientScalar(name)));
        schema = new SchemaGenerator().makeExecutableSchema(registry, wiring.build());
        graphQl = GraphQL.newGraphQL(schema).build();
    }

    /**
     * The published schema declares two fields twice on one enterprise type (EnterpriseOwnerInfo's
     * repositoryDeployKeySetting and repositoryDeployKeySettingOrganizations, identically); graphql-js lets that
     * pass, graphql-java does not. The first declaration is kept, in memory only: the file stays as published.
     */
    private static void dropRepeatedFields(TypeDefinitionRegistry registry) {
        for (graphql.language.ObjectTypeDefinition type : List.copyOf(
                registry.getTypes(graphql.language.ObjectTypeDefinition.class))) {
            Map<String, graphql.language.FieldDefinition> unique = new LinkedHashMap<>();
            type.getFieldDefinitions().forEach(f -> unique.putIfAbsent(f.getName(), f));
            if (unique.size() < type.getFieldDefinitions().size()) {
                registry.remove(type);
                registry.add(type.transform(b -> b.fieldDefinitions(List.copyOf(unique.values()))));
            }
        }
    }

    /** Parsed once per test JVM: the schema is 1.2 MB. */
    static GraphQlSchema get() {
        if (instance == null) {
            synchronized (GraphQlSchema.class) {
                if (instance == null) {
                    instance = new GraphQlSchema();
                }
            }
        }
        return instance;
    }

    GraphQLSchema schema() {
        return schema;
    }

    /** Runs a query the way GitHub does: syntax, validation, pagination rules, then execution. */
    Outcome run(String query, Map<String, Object> variables, Map<String, Object> root) {
        List<GitHubError> refusals = refusals(query, variables);
        if (!refusals.isEmpty()) {
            return new Outcome(Optional.empty(), refusals, Set.of(), List.of());
        }
        Set<String> unserved = ConcurrentHashMap.newKeySet();
        ExecutionResult result = graphQl.execute(ExecutionInput.newExecutionInput().query(query).variables(variables)
                .root(root).graphQLContext(Map.of(UNSERVED, unserved)).build());
        List<GitHubError> errors = new ArrayList<>();
        List<String> faults = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            if (error instanceof ResolverError mine) {
                errors.add(mine.github);
            } else {
                faults.add(error.getMessage());
                errors.add(new GitHubError(null, null, error.getMessage(), error.getPath(), error.getLocations(),
                        Map.of()));
            }
        }
        return new Outcome(Optional.<Object>ofNullable(result.getData()).or(() -> Optional.of(
                new LinkedHashMap<>())), errors, Set.copyOf(unserved), faults);
    }

    /** What GitHub says before running a query it will not run: its syntax, validation and pagination errors. */
    List<GitHubError> refusals(String query, Map<String, Object> variables) {
        Document document;
        try {
            document = Parser.parse(query);
        } catch (InvalidSyntaxException e) {
            SourceLocation at = e.getLocation();
            return List.of(new GitHubError(null, null, "Parse error on " + describeToken(e) + " at ["
                    + (at == null ? 1 : at.getLine()) + ", " + (at == null ? 1 : at.getColumn()) + "]", null,
                    at == null ? List.of() : List.of(at), Map.of()));
        }
        List<ValidationError> invalid = new Validator().validateDocument(schema, document, Locale.ENGLISH);
        if (!invalid.isEmpty()) {
            return invalid.stream().map(GraphQlSchema::asGitHub).toList();
        }
        return paginationErrors(document, variables);
    }

    /** For a resolver: the field is null and GitHub's error explains why (e.g. NOT_FOUND on a repository). */
    static graphql.execution.DataFetcherResult<Object> nullWithError(graphql.schema.DataFetchingEnvironment env,
                                                                      String type, String message) {
        List<Object> path = new ArrayList<>(env.getExecutionStepInfo().getPath().toList());
        return graphql.execution.DataFetcherResult.newResult().data(null)
                .error(new ResolverError(new GitHubError(type, null, message, path,
                        List.of(env.getField().getSourceLocation()), Map.of())))
                .build();
    }

    /** graphql-java's carrier for an error a resolver words as GitHub does. */
    private static final class ResolverError implements GraphQLError {
        private static final long serialVersionUID = 1L;
        private final transient GitHubError github;

        ResolverError(GitHubError github) {
            this.github = github;
        }

        @Override
        public String getMessage() {
            return github.message();
        }

        @Override
        public List<SourceLocation> getLocations() {
            return github.locations();
        }

        @Override
        public graphql.ErrorClassification getErrorType() {
            return graphql.ErrorType.DataFetchingException;
        }

        @Override
        public List<Object> getPath() {
            return github.path();
        }
    }

    // ---- GitHub's pagination rules, checked before execution as GitHub does ----

    /**
     * Every connection needs {@code first} or {@code last}, at most 100; and the nodes a query could return, each
     * connection's page times the pages of the connections around it, may add up to at most 500,000.
     */
    private List<GitHubError> paginationErrors(Document document, Map<String, Object> variables) {
        List<GitHubError> errors = new ArrayList<>();
        long[] total = {0};
        String[] exceededAt = {null};
        QueryTraverser.newQueryTraverser().schema(schema).document(document).variables(variables).build()
                .visitPreOrder(new QueryVisitorStub() {
                    @Override
                    public void visitField(QueryVisitorFieldEnvironment env) {
                        if (env.isTypeNameIntrospectionField() || !isConnection(env)) {
                            return;
                        }
                        String name = env.getField().getName();
                        if (env.getArguments().get("first") == null && env.getArguments().get("last") == null) {
                            errors.add(staticError("MISSING_PAGINATION_BOUNDARIES", "You must provide a `first` or"
                                    + " `last` value to properly paginate the `" + name + "` connection.", env));
                            return;
                        }
                        for (String bound : List.of("first", "last")) {
                            Object given = env.getArguments().get(bound);
                            if (given != null && ((Number) given).longValue() > MAX_PAGE) {
                                errors.add(staticError("EXCESSIVE_PAGINATION", "Requesting " + given + " records on"
                                        + " the `" + name + "` connection exceeds the `" + bound + "` limit of "
                                        + MAX_PAGE + " records.", env));
                            }
                        }
                        long nodes = 1;
                        for (QueryVisitorFieldEnvironment at = env; at != null; at = at.getParentEnvironment()) {
                            nodes *= isConnection(at) ? Math.max(1, page(at)) : 1;
                        }
                        total[0] += nodes;
                        if (total[0] > MAX_NODES && exceededAt[0] == null) {
                            exceededAt[0] = name;
                        }
                    }
                });
        if (exceededAt[0] != null) {
            errors.add(new GitHubError("MAX_NODE_LIMIT_EXCEEDED", null, "By the time this query traverses to the "
                    + exceededAt[0] + " connection, it is requesting up to "
                    + NumberFormat.getIntegerInstance(Locale.US).format(total[0]) + " possible nodes which exceeds the"
                    + " maximum limit of " + NumberFormat.getIntegerInstance(Locale.US).format(MAX_NODES) + ".",
                    null, List.of(), Map.of()));
        }
        return errors;
    }

    private static boolean isConnection(QueryVisitorFieldEnvironment env) {
        return !env.isTypeNameIntrospectionField() && ((GraphQLNamedType) GraphQLTypeUtil.unwrapAll(
                env.getFieldDefinition().getType())).getName().endsWith("Connection");
    }

    /** The page a connection asks for: the larger of first and last. */
    private static long page(QueryVisitorFieldEnvironment env) {
        long page = 0;
        for (String bound : List.of("first", "last")) {
            Object given = env.getArguments().get(bound);
            page = Math.max(page, given == null ? 0 : ((Number) given).longValue());
        }
        return page;
    }

    private static GitHubError staticError(String type, String message, QueryVisitorFieldEnvironment env) {
        List<Object> path = new ArrayList<>();
        for (QueryVisitorFieldEnvironment at = env; at != null; at = at.getParentEnvironment()) {
            path.add(0, at.getField().getResultKey());
        }
        path.add(0, "query");
        return new GitHubError(type, null, message, path, List.of(env.getField().getSourceLocation()), Map.of());
    }

    // ---- validation errors, in GitHub's words (graphql-ruby's static validation) ----

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");

    private static GitHubError asGitHub(ValidationError error) {
        List<String> names = new ArrayList<>();
        Matcher quoted = QUOTED.matcher(error.getDescription() == null ? "" : error.getDescription());
        while (quoted.find()) {
            names.add(quoted.group(1));
        }
        List<Object> path = new ArrayList<>();
        path.add("query");
        if (error.getQueryPath() != null) {
            path.addAll(error.getQueryPath());
        }
        String kind = String.valueOf(error.getValidationErrorType());
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        String code;
        switch (kind) {
            case "FieldUndefined" -> {
                code = "undefinedField";
                String field = names.isEmpty() ? "?" : names.get(0);
                String type = names.size() > 1 ? names.get(1) : "?";
                extensions.put("typeName", type);
                extensions.put("fieldName", field);
                message = "Field '" + field + "' doesn't exist on type '" + type + "'";
            }
            case "UnknownArgument" -> {
                code = "argumentNotAccepted";
                message = "Argument not accepted: " + error.getDescription();
            }
            case "MissingFieldArgument" -> {
                code = "missingRequiredArguments";
                message = "Missing required arguments: " + error.getDescription();
            }
            case "UnknownType" -> {
                code = "undefinedType";
                String type = names.isEmpty() ? "?" : names.get(0);
                extensions.put("typeName", type);
                message = "No such type " + type + ", so it can't be a fragment condition";
            }
            case "WrongType" -> {
                code = "argumentLiteralsIncompatible";
                message = "Argument has an invalid value: " + error.getDescription();
            }
            case "SubselectionRequired", "SubselectionNotAllowed" -> {
                code = "selectionMismatch";
                message = error.getDescription();
            }
            case "InvalidFragmentType", "InlineFragmentTypeConditionInvalid" -> {
                code = "cannotSpreadFragment";
                message = error.getDescription();
            }
            case "FieldsConflict" -> {
                code = "fieldConflict";
                message = error.getDescription();
            }
            default -> {
                code = Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
                message = error.getDescription();
            }
        }
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("code", code);
        all.putAll(extensions);
        return new GitHubError(null, code, message, path, error.getLocations(), all);
    }

    private static String describeToken(InvalidSyntaxException e) {
        String near = e.getOffendingToken();
        return near == null ? "end of query" : "\"" + near + "\"";
    }

    // ---- wiring: maps as objects ----

    /** Resolves every field from its parent map, and every abstract type from the map's {@code __typename}. */
    private static final class MapWiring implements WiringFactory {
        private static final TypeResolver BY_TYPENAME = env -> {
            Object name = env.getObject() instanceof Map<?, ?> map ? map.get("__typename") : null;
            if (name == null) {
                throw new IllegalStateException("the fake returned an object without __typename for "
                        + env.getFieldType());
            }
            return env.getSchema().getObjectType(name.toString());
        };

        private static final DataFetcher<Object> FROM_MAP = env -> {
            Map<?, ?> source = env.getSource();
            String field = env.getField().getName();
            if (source == null || !source.containsKey(field)) {
                Set<String> unserved = env.getGraphQlContext().get(UNSERVED);
                unserved.add(GraphQLTypeUtil.simplePrint(env.getParentType()) + "." + field);
                return null;
            }
            Object value = source.get(field);
            return value instanceof DataFetcher<?> computed ? computed.get(env) : value;
        };

        @Override
        public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(InterfaceWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public boolean providesTypeResolver(UnionWiringEnvironment environment) {
            return true;
        }

        @Override
        public TypeResolver getTypeResolver(UnionWiringEnvironment environment) {
            return BY_TYPENAME;
        }

        @Override
        public DataFetcher<?> getDefaultDataFetcher(FieldWiringEnvironment environment) {
            return FROM_MAP;
        }
    }

    /**
     * GitHub's own scalars (DateTime, URI, GitObjectID, HTML ...) carry strings, numbers or booleans; an object or
     * list where one is declared is a fake bug and fails the answer.
     */
    private static GraphQLScalarType lenientScalar(String name) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                    return value;
                }
                throw new CoercingSerializeException(name + " cannot hold " + value.getClass().getSimpleName());
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return input;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                       Locale locale) {
                if (input instanceof StringValue s) {
                    return s.getValue();
                }
                if (input instanceof IntValue i) {
                    return i.getValue();
                }
                if (input instanceof FloatValue f) {
                    return f.getValue();
                }
                if (input instanceof BooleanValue b) {
                    return b.isValue();
                }
                throw new CoercingParseLiteralException(name + " takes a string, number or boolean literal");
            }
        }).build();
    }
}
