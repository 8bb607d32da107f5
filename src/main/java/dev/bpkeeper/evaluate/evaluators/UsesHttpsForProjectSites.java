package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Are the project's homepage and repository served over HTTPS? */
public final class UsesHttpsForProjectSites implements Evaluator {

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        String repository = snapshot.metadata().webUrl().orElse("");
        if (lower(repository).startsWith("http://")) {
            return Finding.unmet("The repository is served over plain HTTP at " + repository + ".");
        }
        if (!snapshot.metadata().homepage().isKnown()) {
            return Finding.unknown("The project's homepage is not known (" + snapshot.metadata().homepage()
                    .unknownReason() + ").");
        }
        String homepage = snapshot.metadata().homepage().value().strip();
        List<Evidence> evidence = new ArrayList<>();
        if (!repository.isEmpty()) {
            evidence.add(Evidence.page("repository", repository));
        }
        if (lower(homepage).startsWith("http://")) {
            return Finding.unmet("The homepage is given as a plain HTTP address (" + homepage + "); serve it over"
                    + " HTTPS and change the repository's website field to https://.");
        }
        if (!homepage.isEmpty() && !lower(homepage).startsWith("https://")) {
            return Finding.unknown("The homepage \"" + homepage + "\" has no https:// scheme, so it is not clear"
                    + " that it is served over HTTPS.");
        }
        if (!lower(repository).startsWith("https://")) {
            return Finding.unknown("The repository's own address is not known, so only the homepage could be checked.");
        }
        if (homepage.isEmpty()) {
            return Finding.met("The repository is served over HTTPS at " + repository + ", and there is no separate"
                    + " homepage.", evidence.toArray(Evidence[]::new));
        }
        evidence.add(Evidence.page("homepage", homepage));
        return Finding.met("The repository (" + repository + ") and the homepage (" + homepage + ") are served over"
                + " HTTPS.", evidence.toArray(Evidence[]::new));
    }

    private static String lower(String url) {
        return url.toLowerCase(Locale.ROOT);
    }
}
