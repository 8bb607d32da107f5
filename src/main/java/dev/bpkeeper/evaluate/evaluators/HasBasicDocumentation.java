package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Is there basic user documentation on how to install, start and use the software? */
public final class HasBasicDocumentation extends DocumentedTopic implements Evaluator {

    public HasBasicDocumentation() {
        super(Topic.of("how to install and use the software")
                .files(doc("user[-_]?guide|usage|manual|install(?:ation|ing)?"),
                        folder("user[-_]?guide|manual|usage|guides?"))
                .headings("install(?:ation|ing)?|usage|getting started|get started|quick ?start|how to use"
                        + "|user (?:guide|manual)|documentation|configuration|examples?")
                // A link to documentation kept elsewhere: a docs site, Read the Docs, GitHub Pages, the wiki.
                .phrases("https?://(?:[\\w-]+\\.readthedocs\\.io|[\\w-]+\\.github\\.io/|docs\\.[\\w.-]+\\.[a-z]{2,}"
                        + "|github\\.com/[^/\\s]+/[^/\\s]+/wiki)")
                .hints("docs?/[^/]+(/[^/]+)?\\.(md|markdown|rst|adoc|txt|html)", "%s is part of the documentation in"
                        + " docs/; confirm that it explains installation, first start and everyday (secure) use.")
                .missing("No installation or usage documentation (a README section, a user guide or docs/) was"
                        + " found"));
    }
}
