package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Is the documentation available in English? */
public final class IsDocumentationInEnglish implements Evaluator {
    /** The commonest English words: about a third of any English prose, almost none of other languages'. */
    private static final Set<String> COMMON = Set.of("the", "and", "of", "to", "is", "in", "for", "with", "this",
            "that", "you", "it", "on", "be", "are", "as", "can", "by", "or", "use", "an", "a", "from", "if", "not",
            "your", "we", "will", "how", "which", "its", "has", "have", "at", "all", "more", "see", "into", "also",
            "when", "there", "their", "should", "was", "these", "other", "any");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+(?:'[A-Za-z]+)?");
    private static final Pattern ENGLISH_README = Pattern.compile("readme[._-](en|en[_-]us|en[_-]gb|english)"
            + Look.DOC_ENDING);
    private static final int ENOUGH_WORDS = 20;

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<String> english = snapshot.tree().withName(ENGLISH_README).stream()
                .filter(p -> !p.contains("/")).findFirst();
        if (english.isPresent()) {
            return Finding.met("An English README is provided in " + english.get() + ".",
                    Look.evidence(snapshot, english.get())).proposed();
        }
        Optional<String> readme = Look.readme(snapshot);
        if (readme.isEmpty()) {
            return Look.absent(snapshot, "There is no README whose language could be checked.").proposed();
        }
        Optional<String> text = snapshot.text(readme.get());
        if (text.isEmpty()) {
            return Finding.unknown("The text of " + readme.get() + " was not read, so its language is not known.");
        }
        String prose = text.get().replaceAll("(?s)```.*?```", " ").replaceAll("https?://\\S+", " ")
                .replaceAll("<[^>]+>", " ");
        long letters = prose.codePoints().filter(Character::isLetter).count();
        long latin = prose.codePoints().filter(c -> c < 0x250 && Character.isLetter(c)).count();
        int words = 0;
        int common = 0;
        Matcher word = LATIN_WORD.matcher(prose);
        while (word.find()) {
            words++;
            if (COMMON.contains(word.group().toLowerCase(Locale.ROOT))) {
                common++;
            }
        }
        if (letters > 0 && latin * 2 < letters) {
            return Finding.unmet(readme.get() + " is written mostly in a non-Latin script, and no English README"
                    + " (README.en.md) was found.", Look.evidence(snapshot, readme.get())).proposed();
        }
        if (words < ENOUGH_WORDS) {
            return Finding.unknown(readme.get() + " has too little prose (" + words + " words) to tell its language.");
        }
        int percent = 100 * common / words;
        if (percent >= 15) {
            return Finding.met(readme.get() + " is written in English (" + percent + "% of its words are common"
                    + " English words).", Look.evidence(snapshot, readme.get())).proposed();
        }
        if (percent < 6) {
            return Finding.unmet(readme.get() + " does not read as English (only " + percent + "% of its words are"
                    + " common English words), and no English README (README.en.md) was found.",
                    Look.evidence(snapshot, readme.get())).proposed();
        }
        return Finding.unknown(readme.get() + " may or may not be English (" + percent + "% of its words are common"
                + " English words); a person should check.");
    }
}
