package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.History;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Do contributors assert that they may contribute (a DCO sign-off on each commit, or a CLA)? */
public final class RequiresContributorSignOff implements Evaluator {
    private static final Pattern CHECK_STEP = Look.words("\\bdco\\b|signed-off-by|\\bsign-?off\\b"
            + "|contributor-assistant/github-action|cla-assistant|\\bcla\\b");
    private static final Pattern RULE = Look.words("developer certificate of origin|\\bDCO\\b|signed-off-by"
            + "|\\bgit commit\\b[^\\n]*\\s-s\\b|--signoff\\b|contributor licen[cs]e agreement|\\bCLA\\b"
            + "|cla-assistant\\.io");
    /** With this share of recent commits signed off, sign-off is the rule rather than a habit of some. */
    private static final double SIGNED_OFF_SHARE = 0.9;
    private static final int ENOUGH_COMMITS = 10;

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README, Wanted.COMMUNITY, Wanted.WORKFLOWS);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.HISTORY);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> signals = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        Optional<String> dcoApp = snapshot.tree().find(".github/dco.yml");
        if (dcoApp.isPresent()) {
            signals.add("the DCO app is configured (" + dcoApp.get() + ")");
            evidence.add(Look.evidence(snapshot, dcoApp.get()));
        }
        Optional<Workflow> check = Ci.firstMatching(Ci.onPullRequests(snapshot), CHECK_STEP);
        if (check.isPresent()) {
            signals.add("the workflow " + check.get().path() + " checks sign-off or a CLA on pull requests");
            evidence.add(Look.evidence(snapshot, check.get().path()));
        }
        Optional<Look.Hit> rule = Look.findLine(snapshot, Look.prose(snapshot), RULE);
        if (rule.isPresent()) {
            signals.add(rule.get().path() + " asks for it (\"" + rule.get().text() + "\", line " + rule.get().line()
                    + ")");
            evidence.add(Look.evidence(snapshot, rule.get().path()));
        }
        Optional<History> history = Optional.ofNullable(snapshot.history().orElse(null));
        String commits = history.filter(h -> h.recentExamined() > 0)
                .map(h -> h.signedOffRecent() + " of the " + h.recentExamined() + " latest commits carry Signed-off-by")
                .orElse("");
        if (history.isPresent() && history.get().recentExamined() >= ENOUGH_COMMITS
                && history.get().signedOffRecent() >= SIGNED_OFF_SHARE * history.get().recentExamined()) {
            signals.add(commits);
        }
        if (snapshot.metadata().webCommitSignoffRequired().orElse(false)) {
            signals.add("commits made on the web require sign-off");
        }
        if (!signals.isEmpty()) {
            return Finding.met("Contributors certify their right to contribute: " + Look.list(signals) + ".",
                    evidence.toArray(Evidence[]::new)).proposed();
        }
        if (history.isEmpty()) {
            return Finding.unknown("No DCO or CLA requirement was found in the documents or workflows, and the commit"
                    + " history, which would show sign-offs, is not known (" + snapshot.history().unknownReason()
                    + ").");
        }
        return Finding.unmet("No DCO or CLA requirement was found in the documents or workflows"
                + (commits.isEmpty() ? "." : ", and only " + commits + ".")).proposed();
    }
}
