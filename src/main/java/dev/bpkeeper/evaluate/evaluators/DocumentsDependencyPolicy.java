package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Does the documentation say how dependencies are chosen, obtained and tracked, and how their findings are handled? */
public final class DocumentsDependencyPolicy extends DocumentedTopic implements Evaluator {

    public DocumentsDependencyPolicy() {
        super(Topic.of("how dependencies are chosen, obtained and tracked")
                .files(doc("dependenc(?:y|ies)[-_](?:policy|management|guidelines?)|third[-_]party[-_](?:policy"
                        + "|dependencies)"), folder("dependenc(?:y|ies)[-_](?:policy|management)"))
                .headings("dependenc(?:y|ies) (?:policy|management|updates?|selection|guidelines|hygiene)"
                        + "|(?:adding|updating|managing|choosing|selecting|vetting) (?:new |third[- ]party )?"
                        + "dependencies|third[- ]party (?:dependencies|components|libraries|code)"
                        + "|software composition analysis|vulnerable dependencies|supply chain")
                .phrases("\\b(?:new |third[- ]party |external )?dependencies\\s+(?:must|should|are|need to|have to"
                        + "|will)\\s+(?:be\\s+)?(?:\\w+\\s+){0,2}?(?:reviewed|approved|vetted|pinned|kept up[- ]to[- ]date"
                        + "|updated|scanned|audited|justified|discussed|minimi[sz]ed|checked|monitored|tracked)")
                .hints("\\.github/dependabot\\.ya?ml|renovate\\.json5?|\\.renovaterc(\\.json5?)?|\\.github/renovate\\.json5?"
                                + "|" + doc("dependencies"),
                        "%s shows how dependencies are tracked; confirm that the documentation says how they are"
                                + " selected, obtained and kept up to date.")
                .missing("No document describes how dependencies are selected, obtained and tracked, and no"
                        + " dependency-update configuration was found"));
    }
}
