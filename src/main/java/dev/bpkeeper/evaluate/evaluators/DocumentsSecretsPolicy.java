package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Is there a policy for how the project's own secrets and credentials are stored, accessed and rotated? */
public final class DocumentsSecretsPolicy extends DocumentedTopic implements Evaluator {

    public DocumentsSecretsPolicy() {
        super(Topic.of("how the project's secrets and credentials are handled")
                .files(doc("secrets?[-_](?:policy|management|handling)|credentials?[-_](?:policy|management|handling)"
                        + "|key[-_]management(?:[-_]policy)?"))
                .headings("secrets? (?:management|policy|handling|rotation|storage)|(?:managing|handling|rotating"
                        + "|storing) (?:project )?(?:secrets|credentials|keys)|credentials? (?:management|policy"
                        + "|rotation|handling)|key (?:management|rotation)|access to (?:secrets|credentials)")
                // The project's own secrets, not the product's: "API keys are stored in ~/.config" is user documentation.
                .phrases("\\b(?:release|signing|publishing|deploy(?:ment)?|ci|repository|repo|project|organi[sz]ation"
                        + "|maintainers?'?|npm|pypi|registry|github actions)\\s+(?:\\w+\\s+)?(?:secrets?|credentials?"
                        + "|tokens?|keys?)\\s+(?:are|is|must be|should be|will be)\\s+(?:only\\s+)?(?:stored|kept"
                        + "|managed|rotated|held|revoked|accessible|available)\\b")
                .missing("No policy says how the project's secrets and credentials are stored, accessed and"
                        + " rotated"));
    }
}
