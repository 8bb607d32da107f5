package dev.bpkeeper.act.fixup;

import dev.bpkeeper.act.report.BestPracticesJson;
import dev.bpkeeper.act.store.FixupStore;
import dev.bpkeeper.criteria.Catalogue;
import dev.bpkeeper.evaluate.Assessment;
import dev.bpkeeper.github.GitHubFailure;
import dev.bpkeeper.github.InstallationClient;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.kohsuke.github.GHRepository;

/**
 * Keeps at most one fix-up pull request per repository in step with what is missing on the default branch:
 * opens it, updates it in place when the set of missing files changes, closes it when nothing is missing, and
 * takes "closed without merging" as a lasting no. Costs no GitHub request when nothing changed.
 */
@Singleton
public class FixupKeeper {

    @Inject
    FixupStore store;

    @Inject
    FixupPublisher github;

    @Inject
    FixupFiles files;

    /** What the evaluated commit lacks, before the memory of earlier proposals is consulted. */
    public record Proposal(String fullName, Optional<String> whyNone, List<ProposedFile> files, TemplateFacts facts,
                           Map<String, String> answers) {
    }

    /** The default branch head that was evaluated, and the access to change things around it. */
    public record Target(InstallationClient client, GHRepository repository, String defaultBranch, String headSha,
                         String treeSha) {
    }

    /**
     * @param allowed which paths the repository's configuration lets the app propose
     */
    public Proposal propose(Catalogue catalogue, Assessment assessment, RepositorySnapshot snapshot,
                            Predicate<String> allowed) {
        TemplateFacts facts = TemplateFacts.of(snapshot);
        Optional<String> whyNone = FixupPlanner.whyNothingCanBeProposed(snapshot)
                .or(() -> facts.hasGitHubName() ? Optional.empty()
                        : Optional.of("the repository name is not one GitHub allows"));
        List<ProposedFile> planned = whyNone.isPresent() ? List.of()
                : FixupPlanner.plan(catalogue, assessment, snapshot, facts).stream()
                        .filter(f -> allowed.test(f.path())).toList();
        return new Proposal(snapshot.name(), whyNone, ridingAlongOnly(planned) ? List.of() : planned, facts,
                BestPracticesJson.of(catalogue, assessment));
    }

    /**
     * Brings the app's pull request in line with the proposal.
     *
     * @param mayOpen whether a new pull request may be opened (automatic fix-ups on, or a maintainer asked)
     * @param overrideNo a maintainer asked for the pull request, so earlier "no"s do not hold it back
     * @return what happened, for the log
     */
    public String keep(Target target, Proposal proposal, boolean mayOpen, boolean overrideNo) {
        if (proposal.whyNone().isPresent()) {
            return "no fix-up pull request: " + proposal.whyNone().get();
        }
        if (FixupPublisher.BRANCH.equals(target.defaultBranch())) {
            return "no fix-up pull request: the default branch has the fix-up branch's name";
        }
        if (!target.client().canWrite(dev.bpkeeper.github.AppPermissions.CONTENTS)
                || !target.client().canWrite(dev.bpkeeper.github.AppPermissions.PULL_REQUESTS)) {
            return "no fix-up pull request: the installation may not write contents and pull requests";
        }
        try {
            return sync(target, proposal, store.read(proposal.fullName()), mayOpen, overrideNo);
        } catch (GitHubFailure e) {
            if (e.kind() == GitHubFailure.Kind.FORBIDDEN) {
                return "no fix-up pull request: GitHub refused (" + e.getMessage() + ")";
            }
            throw e;
        }
    }

    /**
     * Learns what became of the app's pull request as soon as it is closed, so a "no" holds and the branch goes
     * away without waiting for the next push.
     */
    public String closed(InstallationClient client, GHRepository repository, int number) {
        String fullName = repository.getFullName();
        FixupMemory memory = store.read(fullName);
        Optional<FixupMemory.OpenPull> open = memory.open().filter(o -> o.number() == number);
        if (open.isEmpty()) {
            return "pull request #" + number + " is not the app's open fix-up pull request";
        }
        FixupPublisher.PullStatus now = github.pull(repository, number);
        if (now.open()) {
            return "fix-up pull request #" + number + " is open again";
        }
        if (!open.get().takenOver()) {
            github.deleteBranch(client, fullName);
        }
        save(fullName, memory.closed(open.get(), now.merged() ? FixupMemory.Kind.MERGED : FixupMemory.Kind.DECLINED));
        return "fix-up pull request #" + number + " was " + (now.merged() ? "merged" : "declined");
    }

    private String sync(Target target, Proposal proposal, FixupMemory memory, boolean mayOpen, boolean overrideNo) {
        String fullName = proposal.fullName();
        List<ProposedFile> wanted = wanted(proposal, memory, overrideNo);
        if (memory.open().isPresent()) {
            FixupMemory.OpenPull open = memory.open().get();
            if (!open.takenOver() && open.files().keySet().equals(paths(wanted))) {
                return "fix-up pull request #" + open.number() + " is up to date";
            }
            FixupPublisher.PullStatus now = github.pull(target.repository(), open.number());
            if (!now.open()) {
                FixupMemory.Kind outcome = now.merged() ? FixupMemory.Kind.MERGED : FixupMemory.Kind.DECLINED;
                if (!open.takenOver()) {
                    github.deleteBranch(target.client(), fullName);
                }
                FixupMemory after = memory.closed(open, outcome);
                return "fix-up pull request #" + open.number() + " was " + (now.merged() ? "merged" : "declined")
                        + "; " + sync(target, proposal, saved(fullName, after), mayOpen, overrideNo);
            }
            if (open.takenOver() || !now.headSha().equals(open.headSha())) {
                if (!open.takenOver()) {
                    save(fullName, memory.withOpen(new FixupMemory.OpenPull(open.number(), now.headSha(),
                            open.files(), true)));
                }
                return "fix-up pull request #" + open.number() + " has commits by others; leaving it to them";
            }
            if (wanted.isEmpty()) {
                github.close(target.client(), fullName, open.number(), PullRequestText.closingComment());
                github.deleteBranch(target.client(), fullName);
                save(fullName, memory.withoutOpen());
                return "closed fix-up pull request #" + open.number() + ": nothing is missing any more";
            }
            String commit = commit(target, proposal, wanted);
            github.moveBranch(target.client(), fullName, commit);
            github.describe(target.client(), fullName, open.number(), PullRequestText.TITLE, body(proposal, wanted));
            save(fullName, memory.withOpen(new FixupMemory.OpenPull(open.number(), commit, reasons(wanted), false)));
            return "updated fix-up pull request #" + open.number() + " to " + paths(wanted);
        }
        if (wanted.isEmpty()) {
            return "no fix-up pull request: nothing to propose";
        }
        if (!mayOpen) {
            return "no fix-up pull request: automatic fix-ups are off (the check run offers a button)";
        }
        String commit = commit(target, proposal, wanted);
        if (!github.createBranch(target.repository(), commit)) {
            Optional<FixupPublisher.PullStatus> ours = github.findOpen(target.repository());
            if (ours.isPresent()) {
                // The app's own pull request from before its memory was lost (repository renamed, record deleted).
                save(fullName, memory.withOpen(new FixupMemory.OpenPull(ours.get().number(), ours.get().headSha(),
                        reasons(wanted), false)));
                return "found the app's fix-up pull request #" + ours.get().number();
            }
            if (!github.holdsOnlyOwnCommitOn(target.client(), fullName, target.headSha())) {
                return "no fix-up pull request: branch " + FixupPublisher.BRANCH + " exists and is not the app's";
            }
            // An earlier attempt created the branch but GitHub's answer was lost: carry on from there.
            github.moveBranch(target.client(), fullName, commit);
        }
        int number = github.openPull(target.repository(), target.defaultBranch(), PullRequestText.TITLE,
                body(proposal, wanted));
        save(fullName, memory.withOpen(new FixupMemory.OpenPull(number, commit, reasons(wanted), false)));
        return "opened fix-up pull request #" + number + " adding " + paths(wanted);
    }

    private static List<ProposedFile> wanted(Proposal proposal, FixupMemory memory, boolean overrideNo) {
        List<ProposedFile> wanted = proposal.files().stream().filter(f -> overrideNo || memory.mayPropose(f)).toList();
        return ridingAlongOnly(wanted) ? List.of() : wanted;
    }

    /** Files that satisfy no criterion (.bestpractices.json) never make a pull request on their own. */
    private static boolean ridingAlongOnly(List<ProposedFile> files) {
        return files.stream().allMatch(f -> f.reasons().isEmpty());
    }

    private String commit(Target target, Proposal proposal, List<ProposedFile> wanted) {
        Map<String, String> contents = files.render(wanted, proposal.facts(), proposal.answers());
        return github.commit(target.repository(), target.headSha(), target.treeSha(), contents,
                PullRequestText.commitMessage(wanted));
    }

    private String body(Proposal proposal, List<ProposedFile> wanted) {
        return PullRequestText.body(proposal.fullName(), wanted, files::note);
    }

    private FixupMemory saved(String fullName, FixupMemory memory) {
        save(fullName, memory);
        return store.read(fullName);
    }

    private void save(String fullName, FixupMemory memory) {
        if (!store.write(fullName, memory)) {
            throw new dev.bpkeeper.act.store.StorageException("The fix-up memory of " + fullName
                    + " changed meanwhile; trying again", null);
        }
    }

    private static Set<String> paths(List<ProposedFile> files) {
        return files.stream().map(ProposedFile::path).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Map<String, Set<String>> reasons(List<ProposedFile> files) {
        Map<String, Set<String>> reasons = new LinkedHashMap<>();
        files.forEach(f -> reasons.put(f.path(), f.reasons()));
        return reasons;
    }
}
