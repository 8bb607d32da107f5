package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Are the project's key roles, their responsibilities and the people who hold them documented? */
public final class DocumentsRoles extends DocumentedTopic implements Evaluator {

    public DocumentsRoles() {
        super(Topic.of("the project's roles and who holds them")
                .files(doc("maintainers|owners|committers|roles|team"))
                .headings("maintainers|roles|responsibilities|(?:core )?team|committers|project leads?"
                        + "|who'?s who|who we are")
                .hints("((\\.github|docs?)/)?(codeowners|governance" + Look.DOC_ENDING + ")",
                        "%s names who is responsible for what; confirm that the documentation describes the roles,"
                                + " their duties and who holds them.")
                .missing("No MAINTAINERS, OWNERS or GOVERNANCE file and no section listing roles and their holders"
                        + " was found"));
    }
}
