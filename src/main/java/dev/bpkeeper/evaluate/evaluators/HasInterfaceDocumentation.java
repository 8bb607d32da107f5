package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Is the external interface (API, command line or URLs) documented, with its inputs and outputs? */
public final class HasInterfaceDocumentation extends DocumentedTopic implements Evaluator {

    public HasInterfaceDocumentation() {
        super(Topic.of("the software's external interface")
                .files("(?!(.*/)?(node_modules|vendor|third[_-]party)/)(.*/)?(openapi|swagger|asyncapi)[^/]*"
                                + "\\.(ya?ml|json)",
                        doc("api|api[-_]reference|reference|cli|command[-_]line|commands|usage"),
                        folder("api|reference|cli|commands|man"), "(docs?/)?man/[^/]+\\.[1-9]")
                .headings("api(?: reference| documentation| docs)?|reference|command[- ]line(?: interface| usage"
                        + "| options| reference)?|cli|options|arguments|flags|endpoints|configuration(?: reference"
                        + "| options)?|commands")
                // Reference documentation generated and hosted elsewhere, or a --help text in the docs.
                .phrases("(?:javadoc\\.io/doc/|pkg\\.go\\.dev/|docs\\.rs/|godoc\\.org/|hexdocs\\.pm/|rubydoc\\.info/"
                                + "|/apidocs?/|/api-docs?/)",
                        "^\\s*usage:\\s+\\S+")
                .hints("mkdocs\\.ya?ml|docs?/conf\\.py|doxyfile|typedoc\\.json|\\.readthedocs\\.ya?ml|docs?/antora\\.yml"
                        + "|dokka\\.json|\\.jsdoc\\.json|jsdoc\\.json", "%s configures a documentation generator;"
                        + " confirm that the generated reference covers the external interface.")
                .missing("No interface reference (API or command-line documentation, an OpenAPI file or generated"
                        + " API docs) was found"));
    }
}
