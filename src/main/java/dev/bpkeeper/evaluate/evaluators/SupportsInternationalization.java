package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Is software that shows text to users internationalised, so that it can be translated? */
public final class SupportsInternationalization implements Evaluator {
    private static final Pattern TRANSLATIONS = Pattern.compile("(?i)(?!(.*/)?(node_modules|vendor|third[_-]party)/)"
            + "(.*/)?(" + "[a-z]+_[a-z]{2}([_-][a-z]{2})?\\.properties"
            + "|[^/]+\\.pot?|[^/]+\\.xliff|[^/]+\\.xlf|[^/]+\\.[a-z]{2}(-[a-z]{2})?\\.resx"
            + "|values-[a-z]{2}(-r[a-z]{2})?/strings\\.xml|[^/]+\\.lproj/localizable\\.strings|[^/]+\\.xcstrings"
            + "|[^/]+\\.arb|(locales?|i18n|l10n|translations|lang)/[^/]+\\.(json|ya?ml|po|properties|ftl|toml))");
    /** Every ending TRANSLATIONS can match, so that only those files are tested. */
    private static final java.util.Set<String> TRANSLATION_ENDINGS = java.util.Set.of("properties", "po", "pot",
            "xliff", "xlf", "resx", "xml", "strings", "xcstrings", "arb", "json", "yml", "yaml", "ftl", "toml");
    private static final Pattern I18N_LIBRARY = Look.words("\"(?:i18next|react-i18next|react-intl|vue-i18n"
            + "|@angular/localize|next-intl|@formatjs/[\\w-]+|@lingui/[\\w-]+|svelte-i18n|i18n-js)\"\\s*:"
            + "|\\bflask-babel\\b|\\bdjango-rosetta\\b|\\bfluent-bundle\\b|\\brust-i18n\\b|nicksnyder/go-i18n");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.ROOT_BUILD);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> translations = snapshot.tree().withAnyExtension(TRANSLATION_ENDINGS).stream()
                .filter(p -> TRANSLATIONS.matcher(p).matches()).toList();
        if (!translations.isEmpty()) {
            return Finding.met("The software keeps its texts in translation resources (" + translations.get(0)
                    + (translations.size() > 1 ? " and " + (translations.size() - 1) + " more" : "") + ").",
                    Look.evidence(snapshot, translations.get(0))).proposed();
        }
        Optional<String> library = Releases.buildFileMatching(snapshot, I18N_LIBRARY);
        if (library.isPresent()) {
            return Finding.met(library.get() + " uses an internationalisation library.",
                    Look.evidence(snapshot, library.get())).proposed();
        }
        // Whether the software shows text to users at all (a library or a daemon may not) needs a person.
        return Finding.unknown("No translation resources or internationalisation library were found; if the software"
                + " shows no text to users, the answer is N/A, otherwise it is not internationalised.");
    }
}
