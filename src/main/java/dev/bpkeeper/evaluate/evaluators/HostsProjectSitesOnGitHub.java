package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Locale;

/**
 * Are all the project's sites hosted on github.com, which hardens its pages (HSTS, CSP, nosniff) and stores
 * passwords properly, so that the project runs no site of its own?
 */
public final class HostsProjectSitesOnGitHub implements Evaluator {

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!Look.onGitHubCom(snapshot)) {
            return Finding.unknown("The repository is not known to be on github.com, and other hosts' sites are not"
                    + " probed.");
        }
        if (!snapshot.metadata().homepage().isKnown()) {
            return Finding.unknown("The project's homepage is not known (" + snapshot.metadata().homepage()
                    .unknownReason() + ").");
        }
        String homepage = snapshot.metadata().homepage().value().strip();
        String lower = homepage.toLowerCase(Locale.ROOT);
        if (!homepage.isEmpty() && !lower.matches("https://(www\\.)?github\\.com(/.*)?")) {
            return Finding.unknown("The homepage " + homepage + " is hosted outside github.com; its headers and"
                    + " password storage are not probed here, so a person should check them.");
        }
        String repository = snapshot.metadata().webUrl().value();
        return Finding.met("The project's sites are on github.com (" + repository + (homepage.isEmpty() ? ""
                : ", " + homepage) + "), which sends HSTS, CSP, X-Content-Type-Options and frame protection and"
                + " stores user passwords with salted iterated hashes; the project runs no site of its own.",
                Evidence.page("repository", repository)).proposed();
    }
}
