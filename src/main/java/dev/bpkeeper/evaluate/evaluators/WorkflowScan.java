package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Security questions about GitHub Actions workflows, in the spirit of Scorecard's Dangerous-Workflow and zizmor. */
final class WorkflowScan {
    private static final Pattern WORKFLOW_FILE = Pattern.compile("\\.github/workflows/[^/]+\\.ya?ml");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{([^}]*)\\}\\}");

    /** Event fields anyone who opens an issue, pull request or comment controls. */
    static final Pattern UNTRUSTED_EVENT_DATA = Pattern.compile("(?i)github\\.head_ref\\b"
            + "|github\\.event\\.(issue|pull_request|discussion)\\.(title|body)\\b"
            + "|github\\.event\\.(comment|review|review_comment|discussion_comment)\\.body\\b"
            + "|github\\.event\\.pages(\\[[^\\]]*\\]|\\.\\*)?\\.page_name\\b"
            + "|github\\.event\\.(head_commit|commits(\\[[^\\]]*\\]|\\.\\*)?)\\.(message|author\\.(email|name)"
            + "|committer\\.(email|name))\\b"
            + "|github\\.event\\.pull_request\\.head\\.(ref|label|repo\\.default_branch)\\b"
            + "|github\\.event\\.workflow_run\\.(head_branch|display_title|head_commit\\.(message|author\\.(email|name)"
            + "|committer\\.(email|name))|pull_requests(\\[[^\\]]*\\])?\\.head\\.ref)\\b");
    /** Values people with access pass in: workflow_dispatch and workflow_call inputs, repository_dispatch payloads. */
    static final Pattern WORKFLOW_INPUTS = Pattern.compile("(?i)(^|[^\\w.])inputs\\.[\\w-]+|github\\.event\\.inputs\\.[\\w-]+"
            + "|github\\.event\\.client_payload\\b");

    private WorkflowScan() {
    }

    /** An expression found inside a script. */
    record Hit(Workflow workflow, String job, String expression) {
    }

    /** Expressions matching the pattern that GitHub pastes straight into run scripts or github-script code. */
    static List<Hit> expressionsInScripts(RepositorySnapshot snapshot, Pattern dangerous) {
        List<Hit> hits = new ArrayList<>();
        for (Workflow workflow : snapshot.workflows()) {
            for (Workflow.Job job : workflow.jobs()) {
                for (Workflow.Step step : job.steps()) {
                    boolean githubScript = step.uses().map(u -> u.toLowerCase(Locale.ROOT)
                            .startsWith("actions/github-script")).orElse(false);
                    String script = step.run().orElse("") + (githubScript ? "\n" + step.with() : "");
                    Matcher expression = EXPRESSION.matcher(script);
                    while (expression.find()) {
                        if (dangerous.matcher(expression.group(1)).find()) {
                            hits.add(new Hit(workflow, job.id(), expression.group().strip()));
                        }
                    }
                }
            }
        }
        return hits;
    }

    /**
     * The answer to "are these expressions kept out of scripts?": Unmet naming the places, Unknown when some
     * workflows could not be read, Met otherwise; N/A or Unknown when there are no workflows to read.
     *
     * @param what what the expressions carry, e.g. "untrusted event data (issue titles, branch names ...)"
     */
    static Finding keptOutOfScripts(RepositorySnapshot snapshot, Pattern dangerous, String what) {
        Optional<Finding> none = noWorkflows(snapshot);
        if (none.isPresent()) {
            return none.get();
        }
        List<Hit> hits = expressionsInScripts(snapshot, dangerous);
        if (!hits.isEmpty()) {
            return Finding.unmet(Tool.capitalise(what) + " is expanded straight into scripts: " + describe(hits)
                    + ". Pass it through an environment variable and quote it instead.",
                    Look.evidence(snapshot, hits.get(0).workflow().path())).proposed();
        }
        List<String> unread = unread(snapshot);
        int read = snapshot.workflows().size() - (int) snapshot.workflows().stream()
                .filter(w -> w.parseError().isPresent()).count();
        if (!unread.isEmpty()) {
            return Finding.unknown("None of the " + read + " workflow(s) read expands " + what + " inside scripts,"
                    + " but " + Look.list(unread) + " could not be read.");
        }
        return Finding.met("None of the " + read + " workflow(s) expands " + what + " inside run scripts."
                + otherCiNote(snapshot)).proposed();
    }

    /** " The pipelines in .gitlab-ci.yml were not examined." when other CI systems are configured too. */
    static String otherCiNote(RepositorySnapshot snapshot) {
        List<String> other = Ci.otherCiFiles(snapshot);
        return other.isEmpty() ? "" : " The pipelines in " + Look.list(other) + " were not examined.";
    }

    /** "`${{ github.event.issue.title }}` in .github/workflows/a.yml (job triage)", at most three, and a count. */
    static String describe(List<Hit> hits) {
        List<String> shown = hits.stream().limit(3)
                .map(h -> h.expression() + " in " + h.workflow().path() + " (job " + h.job() + ")").toList();
        return Look.list(shown) + (hits.size() > 3 ? " and " + (hits.size() - 3) + " more" : "");
    }

    /**
     * When there is no workflow to look at: N/A when the project has no pipelines at all, Unknown when its
     * pipelines are elsewhere or the tree is incomplete. Empty when workflows were parsed.
     */
    static Optional<Finding> noWorkflows(RepositorySnapshot snapshot) {
        if (!snapshot.workflows().isEmpty()) {
            return Optional.empty();
        }
        if (!workflowFiles(snapshot).isEmpty()) {
            return Optional.of(Finding.unknown("The workflows " + Look.list(workflowFiles(snapshot))
                    + " were not read."));
        }
        List<String> other = Ci.otherCiFiles(snapshot);
        if (!other.isEmpty()) {
            return Optional.of(Finding.unknown("The pipelines are defined in " + Look.list(other)
                    + ", which this check does not read; only GitHub Actions workflows are examined."));
        }
        if (snapshot.tree().isTruncated()) {
            return Optional.of(Finding.unknown("No CI/CD workflow was seen, but the file list is truncated."));
        }
        return Optional.of(Finding.notApplicable("The repository defines no CI/CD pipelines (no GitHub Actions"
                + " workflows or other CI configuration).").proposed());
    }

    /** Workflow files in the tree that could not be examined: not fetched, or not readable as a workflow. */
    static List<String> unread(RepositorySnapshot snapshot) {
        Set<String> parsed = snapshot.workflows().stream().filter(w -> w.parseError().isEmpty())
                .map(Workflow::path).collect(Collectors.toSet());
        return workflowFiles(snapshot).stream().filter(p -> !parsed.contains(p)).toList();
    }

    /** " (x.yml could not be read)" for a justification, empty when everything was read. */
    static String unreadNote(RepositorySnapshot snapshot) {
        List<String> unread = unread(snapshot);
        return unread.isEmpty() ? "" : " " + Look.list(unread) + " could not be read.";
    }

    static List<String> workflowFiles(RepositorySnapshot snapshot) {
        return snapshot.tree().matching(WORKFLOW_FILE);
    }

    static boolean grantsWriteAll(Optional<String> permissions) {
        return permissions.map(p -> p.strip().equalsIgnoreCase("write-all")).orElse(false);
    }

    static boolean grantsWrite(Optional<String> permissions) {
        return permissions.map(p -> p.strip().equalsIgnoreCase("write-all")
                || p.toLowerCase(Locale.ROOT).matches("(?s).*:\\s*write\\b.*")).orElse(false);
    }
}
