package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the project name the coding style guides for its main languages and require contributions to follow them? */
public final class NamesCodingStandard extends DocumentedTopic implements Evaluator {

    public NamesCodingStandard() {
        super(Topic.of("the coding standard to follow")
                .files(doc("style[-_]?guide|coding[-_](?:style|standards?|conventions?|guidelines)"
                        + "|code[-_](?:style|conventions?)"), folder("style[-_]?guides?|coding[-_](?:style|standards?)"))
                // Not the README: "## Formatting" there is likely a feature of the product.
                .searchedIn("contribut|style|convention|develop|hacking|pull_request_template|^docs?/",
                        "the contribution guide, developer documents and docs/")
                .headings("(?:coding|code) (?:style|standards?|conventions?|guidelines)|style ?guides?|formatting"
                        + "|linting|conventions")
                .phrases("\\b(?:follow|follows|following|adhere to|adheres to|conform to|conforms to|comply with"
                                + "|complies with|according to|based on)\\s+(?:the\\s+)?[\\w .+-]{0,40}?(?:style ?guide"
                                + "|coding (?:style|standards?|conventions?)|code style)",
                        "\\b(?:PEP ?8|Google (?:Java|C\\+\\+|Python|JavaScript|Go|TypeScript|Shell) Style"
                                + "|Airbnb (?:JavaScript )?Style|StandardJS|PSR-(?:1|2|12)|Effective Go"
                                + "|Rust API Guidelines|Kotlin coding conventions)\\b",
                        "(?:google\\.github\\.io/styleguide|peps\\.python\\.org/pep-0008|python\\.org/dev/peps/pep-0008"
                                + "|standardjs\\.com|github\\.com/airbnb/javascript|go\\.dev/doc/effective_go"
                                + "|golang\\.org/doc/effective_go|php-fig\\.org/psr/psr-12"
                                + "|kotlinlang\\.org/docs/coding-conventions)")
                .hints("((\\.github|\\.config|config|build-tools|etc)/)?(checkstyle[^/]*\\.xml"
                                + "|config/checkstyle/[^/]+\\.xml|\\.prettierrc(\\.(json5?|ya?ml|toml|[cm]?[jt]s))?|prettier\\.config\\.[cm]?js"
                                + "|\\.eslintrc(\\.(js|cjs|mjs|ya?ml|json))?|eslint\\.config\\.[cm]?[jt]s|\\.rubocop\\.yml|\\.?rustfmt\\.toml"
                                + "|\\.clang-format|\\.golangci\\.ya?ml|\\.scalafmt\\.conf|\\.php-cs-fixer(\\.dist)?\\.php"
                                + "|phpcs\\.xml(\\.dist)?|\\.flake8|\\.?pylintrc|\\.?ruff\\.toml|\\.swiftlint\\.yml"
                                + "|biome\\.jsonc?|\\.stylelintrc(\\.(json|ya?ml|[cm]?js))?)",
                        "%s configures a style checker; confirm that the contribution guide names the coding style"
                                + " and asks contributors to follow it.")
                .alsoReading(Wanted.DEVELOPMENT_DOCS)
                .missing("No contribution guide or developer document names a coding style guide, and no style"
                        + " checker configuration was found"));
    }
}
