package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Does the project explain how to obtain the software, how to give feedback and how to contribute? */
public final class ExplainsHowToInteract implements Evaluator {
    private static final Pattern OBTAIN_HEADING = DocumentedTopic.heading("install(?:ation|ing)?|download(?:s|ing)?"
            + "|getting started|get started|quick ?start|setup|set up|how to get|obtain(?:ing)?");
    private static final Pattern OBTAIN_COMMAND = Look.words("\\b(?:npm|yarn|pnpm) (?:install|add|i) \\S"
            + "|\\bpip3? install \\S|\\bpipx install|\\bgem install|\\bcargo (?:install|add)|\\bgo (?:get|install) \\S"
            + "|\\bbrew install|\\bapt(?:-get)? install|\\bdnf install|\\bchoco install|\\bwinget install"
            + "|\\bdotnet (?:add package|tool install)|\\bdocker (?:pull|run) \\S|\\bhelm install|\\bcomposer require"
            + "|<artifactId>|\\bimplementation\\s*\\(?\\s*[\"']");
    /** The tracker itself, not one numbered issue or discussion (a reference to history, not an invitation). */
    private static final Pattern FEEDBACK = Look.words("/issues\\b(?!/\\d)|\\bissue tracker\\b|\\bmailing list\\b"
            + "|/discussions\\b(?!/\\d)|\\breport (?:a |any )?(?:bugs?|issues?|problems?)\\b|\\bfile (?:an? )?(?:issue|bug)\\b"
            + "|\\bopen an issue\\b");
    private static final Pattern CONTRIBUTE_HEADING = DocumentedTopic.heading("contribut(?:e|ing|ions?|ors?)");

    @Override
    public List<WantedFile> wantedFiles() {
        return Wanted.DOCUMENTS;
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.ORG_COMMUNITY_FILES, Need.RELEASES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        List<String> docs = Look.prose(snapshot);
        List<String> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();

        Optional<Look.Hit> obtain = Look.findLine(snapshot, docs, OBTAIN_HEADING)
                .or(() -> Look.findLine(snapshot, docs, OBTAIN_COMMAND));
        if (obtain.isPresent()) {
            found.add("how to obtain it (" + where(obtain.get()) + ")");
            evidence.add(Look.evidence(snapshot, obtain.get().path()));
        } else if (!Releases.published(snapshot).isEmpty()) {
            found.add("downloads on the GitHub releases page");
            snapshot.webLink("/releases").ifPresent(l -> evidence.add(Evidence.page("releases", l)));
        } else {
            missing.add("how to obtain the software");
        }

        Optional<Look.Hit> feedback = Look.findLine(snapshot, Look.currentProse(snapshot), FEEDBACK);
        if (snapshot.metadata().hasIssues().orElse(false)) {
            found.add("feedback through GitHub Issues");
            snapshot.webLink("/issues").ifPresent(l -> evidence.add(Evidence.page("issues", l)));
        } else if (feedback.isPresent()) {
            found.add("how to give feedback (" + where(feedback.get()) + ")");
            evidence.add(Look.evidence(snapshot, feedback.get().path()));
        } else {
            missing.add("how to give feedback");
        }

        Optional<String> guide = Look.communityFile(snapshot, "contributing|contribute")
                .or(() -> Look.orgCommunityFile(snapshot, "contributing|contribute"));
        Optional<Look.Hit> section = Look.findLine(snapshot, docs, CONTRIBUTE_HEADING);
        if (guide.isPresent()) {
            found.add("how to contribute (" + guide.get() + ")");
            if (snapshot.tree().find(guide.get()).isPresent()) {
                evidence.add(Look.evidence(snapshot, guide.get()));
            }
        } else if (section.isPresent()) {
            found.add("how to contribute (" + where(section.get()) + ")");
            evidence.add(Look.evidence(snapshot, section.get().path()));
        } else {
            missing.add("how to contribute");
        }

        Evidence[] links = evidence.stream().distinct().toArray(Evidence[]::new);
        if (missing.isEmpty()) {
            return Finding.met("The project explains " + Look.list(found) + ".", links).proposed();
        }
        Optional<String> readme = Look.readme(snapshot);
        if (readme.isPresent() && snapshot.text(readme.get()).isEmpty()) {
            return Finding.unknown("The text of " + readme.get() + " was not read, so whether it explains "
                    + Look.list(missing) + " is not known.");
        }
        String seen = found.isEmpty() ? "" : " It does explain " + Look.list(found) + ".";
        List<String> unseen = unseen(snapshot, missing);
        // What GitHub itself would offer (release downloads, Issues, the owner's default guide) may fill every gap
        // the documents leave, where that cannot be seen.
        if (unseen.size() == missing.size()) {
            return Finding.unknown("The documents do not explain " + Look.list(missing) + "." + seen + " Whether "
                    + Look.list(unseen) + " is not known.");
        }
        return Finding.unmet("The project does not explain " + Look.list(missing) + "." + seen, links).proposed();
    }

    /** For each missing item that the forge could supply without a document, what is not known about it. */
    private static List<String> unseen(RepositorySnapshot snapshot, List<String> missing) {
        List<String> unseen = new ArrayList<>();
        if (missing.contains("how to obtain the software") && !snapshot.releases().isKnown()) {
            unseen.add("GitHub releases offer downloads (" + snapshot.releases().unknownReason() + ")");
        }
        if (missing.contains("how to give feedback") && !snapshot.metadata().hasIssues().isKnown()) {
            unseen.add("GitHub Issues are open for feedback (" + snapshot.metadata().hasIssues().unknownReason() + ")");
        }
        if (missing.contains("how to contribute") && !snapshot.orgCommunityFiles().isKnown()) {
            unseen.add("the owner's .github repository publishes a default contribution guide ("
                    + snapshot.orgCommunityFiles().unknownReason() + ")");
        }
        return unseen;
    }

    private static String where(Look.Hit hit) {
        return hit.path() + ", line " + hit.line();
    }
}
