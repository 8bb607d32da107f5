package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Does the README (or the repository description) say in plain words what the software does? */
public final class HasProjectDescription implements Evaluator {
    /** Lines that are not prose: headings, badges, tables, quotes of code, reStructuredText directives, link lists. */
    private static final Pattern NOT_PROSE = Pattern.compile("^(#|\\||\\.\\.|:|\\[!|!\\[|\\[[^\\]]*\\]:|<!--|=|-{3,}|```"
            + "|~~~).*");
    private static final int MIN_WORDS = 6;

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        String description = snapshot.metadata().description().orElse("").strip();
        Optional<String> readme = Look.readme(snapshot);
        Optional<String> paragraph = readme.flatMap(snapshot::text).flatMap(HasProjectDescription::firstParagraph);
        if (paragraph.isPresent()) {
            return Finding.met(readme.get() + " opens with a description: \"" + paragraph.get() + "\""
                    + (description.isEmpty() ? "." : "; the repository description says \"" + description + "\"."),
                    Look.evidence(snapshot, readme.get())).proposed();
        }
        if (!description.isEmpty()) {
            return Finding.met("The repository description says \"" + description + "\"."
                    + (readme.isEmpty() ? "" : " " + readme.get() + " has no prose paragraph to expand on it."),
                    Look.page(snapshot, "", "repository")).proposed();
        }
        String noDescription = snapshot.metadata().description().isKnown() ? "the repository has no description"
                : "no repository description is known";
        if (readme.isPresent() && snapshot.text(readme.get()).isEmpty()) {
            return Finding.unknown("The text of " + readme.get() + " was not read and " + noDescription
                    + ", so whether the project says what it does is not known.");
        }
        if (readme.isPresent()) {
            return Finding.unmet(readme.get() + " has no paragraph saying what the software does (only headings,"
                    + " badges, links or code), and " + noDescription + ".", Look.evidence(snapshot, readme.get()))
                    .proposed();
        }
        return Look.absent(snapshot, "There is no README, and " + noDescription + ".").proposed();
    }

    /** The first line of running text, with Markdown links, images, tags and emphasis taken out. */
    static Optional<String> firstParagraph(String text) {
        boolean inCode = false;
        for (String raw : text.replaceAll("(?s)<!--.*?-->", "").split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                inCode = !inCode;
                continue;
            }
            if (inCode || raw.startsWith("    ") || raw.startsWith("\t") || NOT_PROSE.matcher(line).matches()) {
                continue;
            }
            String plain = line.replaceAll("!\\[[^\\]]*\\]\\([^)]*\\)", "")
                    .replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
                    .replaceAll("<[^>]+>", "")
                    .replaceAll("[*_`>]", "")
                    .replaceAll("^[-+]\\s+", "")
                    .strip();
            if (words(plain) >= MIN_WORDS) {
                return Optional.of(plain.length() > 160 ? plain.substring(0, 157) + "..." : plain);
            }
        }
        return Optional.empty();
    }

    private static int words(String text) {
        List<String> words = new ArrayList<>();
        for (String token : text.split("\\s+")) {
            if (token.codePoints().filter(Character::isLetter).count() >= 2) {
                words.add(token);
            }
        }
        return words.size();
    }
}
