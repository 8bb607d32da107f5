package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evidence;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Release;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.Tag;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Releases and tags as the release questions see them. */
final class Releases {
    /** The files {@link #doneWhenPublishing} reads. */
    static final List<WantedFile> PIPELINE_FILES = List.of(Wanted.WORKFLOWS, Wanted.ROOT_BUILD);
    /** MAJOR.MINOR.PATCH with SemVer's pre-release and build parts, after an optional "v". */
    static final Pattern SEMVER = Pattern.compile(
            "v?(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
    /** Calendar versions that start with a four-digit year: 2024.05, 2024.5.1, v2024-05-01. */
    static final Pattern CALVER = Pattern.compile("v?(19|20)\\d{2}[.-](0?[1-9]|1[0-2])([.-]\\d{1,2})?([.-]\\d+)*"
            + "(-[0-9A-Za-z.-]+)?");
    private Releases() {
    }

    /** Releases that users can see (not drafts), newest first; empty when the list is unknown. */
    static List<Release> published(RepositorySnapshot snapshot) {
        if (!snapshot.releases().isKnown()) {
            return List.of();
        }
        return snapshot.releases().value().stream().filter(r -> !r.draft())
                .sorted(Comparator.comparing(Release::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    static Optional<Release> latest(RepositorySnapshot snapshot) {
        return published(snapshot).stream().filter(r -> !r.prerelease()).findFirst()
                .or(() -> published(snapshot).stream().findFirst());
    }

    /** True only when both lists are known and neither holds a release: "no releases yet". */
    static boolean noneYet(RepositorySnapshot snapshot) {
        return snapshot.tags().isKnown() && snapshot.tags().value().isEmpty()
                && snapshot.releases().isKnown() && published(snapshot).isEmpty();
    }

    /** Unknown when neither the tags nor the releases are known, so that no version can be seen; else empty. */
    static Optional<Finding> neitherKnown(RepositorySnapshot snapshot) {
        if (snapshot.tags().isKnown() || snapshot.releases().isKnown()) {
            return Optional.empty();
        }
        return Optional.of(Finding.unknown("Neither the tags nor the releases are known ("
                + snapshot.tags().unknownReason() + ")."));
    }

    /**
     * Names that identify versions: tags and release tags that contain a digit ("latest" and "nightly" are moving
     * pointers, not versions), in the order seen, without duplicates.
     */
    static List<String> versionNames(RepositorySnapshot snapshot) {
        Set<String> names = new LinkedHashSet<>();
        published(snapshot).forEach(r -> names.add(r.tagName()));
        snapshot.tags().orElse(List.of()).stream().map(Tag::name).forEach(names::add);
        return names.stream().filter(n -> n != null && n.chars().anyMatch(Character::isDigit)).toList();
    }

    /**
     * Whether a tag name is a Semantic or Calendar version, allowing a leading v and a component prefix that starts
     * with a letter and ends in @, / or - ("widget-core@1.2.3", "tools/v1.2.3", "release-2024.05").
     */
    static boolean isSemanticOrCalendar(String name) {
        if (isVersion(name)) {
            return true;
        }
        for (int i = 1; i < name.length() - 1; i++) {
            char c = name.charAt(i);
            boolean separator = c == '@' || c == '/' || c == '-';
            if (separator && Character.isLetter(name.charAt(0)) && isVersion(name.substring(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVersion(String name) {
        return SEMVER.matcher(name).matches() || CALVER.matcher(name).matches();
    }

    /** The release's page on GitHub, as evidence. */
    static Evidence page(Release release) {
        return Evidence.page("release " + release.tagName(), release.webUrl());
    }

    /**
     * Met (proposed) when the release pipeline does something to what it publishes (signs it, describes it in an
     * SBOM ...): a workflow step, else a root build manifest, does it. Evaluators using this declare
     * {@link #PIPELINE_FILES}.
     *
     * @param workflowDoes finishes "The workflow .github/workflows/x.yml ...", e.g. "generates an SBOM"
     * @param buildFileDoes finishes "pom.xml ...", e.g. "generates an SBOM with the artifacts it publishes"
     */
    static Optional<Finding> doneWhenPublishing(RepositorySnapshot snapshot, Pattern step, String workflowDoes,
            Pattern buildSetting, String buildFileDoes) {
        Optional<Workflow> workflow = Ci.firstMatching(snapshot.workflows(), step);
        if (workflow.isPresent()) {
            return Optional.of(Finding.met("The workflow " + workflow.get().path() + " " + workflowDoes + ".",
                    Look.evidence(snapshot, workflow.get().path())).proposed());
        }
        return buildFileMatching(snapshot, buildSetting).map(build -> Finding.met(build + " " + buildFileDoes + ".",
                Look.evidence(snapshot, build)).proposed());
    }

    /** The root build manifest (pom.xml, build.gradle ...) whose fetched text matches, if any. */
    static Optional<String> buildFileMatching(RepositorySnapshot snapshot, Pattern pattern) {
        return snapshot.tree().filesIn("").stream()
                .filter(Wanted.ROOT_BUILD::matches)
                .filter(p -> snapshot.text(p).map(t -> pattern.matcher(t).find()).orElse(false))
                .findFirst();
    }

    static String date(Instant instant) {
        return instant.toString().substring(0, 10);
    }
}
