package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;

/** Is the high-level architecture or design of the software documented? */
public final class DocumentsArchitecture extends DocumentedTopic implements Evaluator {

    public DocumentsArchitecture() {
        super(Topic.of("the software's architecture")
                .files(doc("architecture|design|internals"), folder("architecture|design|adrs?|decisions|internals"))
                .headings("architecture|design(?: overview| principles| decisions)?|internals|how it works"
                        + "|system overview|data flow")
                .hints("(docs?/)?([^/]+/)?[^/]+\\.(drawio|puml|plantuml)",
                        "%s is a design diagram; confirm that the documentation explains the main components.")
                .missing("No ARCHITECTURE or design document and no architecture section was found"));
    }
}
