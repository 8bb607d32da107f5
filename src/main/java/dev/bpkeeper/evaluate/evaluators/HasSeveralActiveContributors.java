package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Would the project survive losing any one person: do two or more people share last year's commits (bus factor ≥ 2)? */
public final class HasSeveralActiveContributors implements Evaluator {

    @Override
    public Set<Need> needs() {
        return Set.of(Need.HISTORY);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        if (!snapshot.history().isKnown()) {
            return Finding.unknown("The commit history is not known (" + snapshot.history().unknownReason() + ").");
        }
        // Bots commit a lot and answer nobody's reports; the bus factor is about people.
        Map<String, Integer> people = snapshot.history().value().authorsLastYear().entrySet().stream()
                .filter(e -> !isBot(e.getKey()))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        int total = people.values().stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return Finding.unknown("No commits by people were found in the year before the latest commit.");
        }
        int busiest = people.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int share = Math.round(100f * busiest / total);
        Evidence[] graph = Look.page(snapshot, "/graphs/contributors", "contributors");
        String summary = people.size() + " people made " + total + " commits in the last year; the busiest made "
                + share + "% of them";
        // Bus factor 2: no single person covers half of the work on their own.
        if (2 * busiest < total) {
            return Finding.met(summary + ", so at least two people are needed to cover half of the work.", graph)
                    .proposed();
        }
        return Finding.unmet(summary + ", so losing that one person would stall the project.", graph).proposed();
    }

    static boolean isBot(String author) {
        String lower = author.toLowerCase(Locale.ROOT);
        return lower.contains("[bot]") || lower.matches(".*\\b(dependabot|renovate|github-actions|pre-commit-ci"
                + "|snyk-bot|greenkeeper|allcontributors|semantic-release-bot)\\b.*");
    }
}
