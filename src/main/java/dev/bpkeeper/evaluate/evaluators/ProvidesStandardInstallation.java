package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Can the software be installed and removed in a common way (a package registry, a container, make install)? */
public final class ProvidesStandardInstallation implements Evaluator {
    private static final List<Tool> PUBLISHERS = List.of(
            Tool.of("npm", "\\b(npm|yarn|pnpm)\\s+publish\\b|js-devtools/npm-publish"),
            Tool.of("PyPI", "pypa/gh-action-pypi-publish|\\btwine\\s+upload\\b|\\b(poetry|uv|flit|hatch)\\s+publish\\b"),
            Tool.of("crates.io", "\\bcargo\\s+publish\\b"),
            Tool.of("Maven Central", "\\bmvnw?\\b[^\\n]*\\bdeploy\\b|central-publishing|nexus-staging|\\bjreleaser\\b"),
            Tool.of("a Maven repository", "\\bgradlew?\\b[^\\n]*\\bpublish\\w*\\b"),
            Tool.of("GoReleaser", "goreleaser"),
            Tool.of("a container registry", "docker/build-push-action|\\b(docker|podman)\\s+push\\b|\\bko\\s+build\\b"),
            Tool.of("RubyGems", "\\bgem\\s+push\\b|rubygems/release-gem"),
            Tool.of("NuGet", "\\bnuget\\s+push\\b"),
            Tool.of("Hex", "\\bmix\\s+hex\\.publish\\b"),
            Tool.of("pub.dev", "\\b(dart|flutter)\\s+pub\\s+publish\\b"),
            Tool.of("a Helm repository", "helm/chart-releaser-action|\\bhelm\\s+push\\b"),
            Tool.of("the Snap Store", "\\bsnapcraft\\s+upload\\b|snapcore/action-publish"));
    /** Packaging recipes in the tree: a container image, a distribution package, a Homebrew formula ... */
    private static final Pattern PACKAGING = Pattern.compile("(dockerfile|containerfile|chart\\.yaml|snapcraft\\.yaml"
            + "|pkgbuild|[^/]+\\.spec|[^/]+\\.nuspec|\\.goreleaser\\.ya?ml|flake\\.nix)");
    private static final Pattern INSTALL_TARGET = Look.words("^install\\s*:|^\\s*install\\s*\\(");

    @Override
    public List<WantedFile> wantedFiles() {
        return Tool.WANTED;
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<Tool.Sighting> publishing = Tool.findAll(snapshot, PUBLISHERS).stream().filter(Tool.Sighting::inCi)
                .findFirst();
        if (publishing.isPresent()) {
            return Finding.met(Tool.capitalise(publishing.get().where()) + " publishes the software to "
                    + publishing.get().tool().name() + ", from where users install it with the usual tools.",
                    Look.evidence(snapshot, publishing.get().path())).proposed();
        }
        Optional<String> recipe = snapshot.tree().withName(PACKAGING).stream()
                .filter(p -> !Code.isVendored(p) && !Code.isFixture(p))
                .min((a, b) -> Integer.compare(a.split("/").length, b.split("/").length));
        if (recipe.isPresent()) {
            return Finding.met("The packaging recipe " + recipe.get() + " builds an installable package or image.",
                    Look.evidence(snapshot, recipe.get())).proposed();
        }
        Optional<Look.Hit> installTarget = Look.findLine(snapshot, Tool.buildFiles(snapshot), INSTALL_TARGET);
        if (installTarget.isPresent()) {
            return Finding.met(installTarget.get().path() + " has install rules (line " + installTarget.get().line()
                    + "), the usual way to install built software.",
                    Look.evidence(snapshot, installTarget.get().path())).proposed();
        }
        Optional<Ecosystem.Detected> registry = Code.buildTools(snapshot.tree()).stream()
                .filter(d -> !d.ecosystem().dependabot().isEmpty()).findFirst();
        if (registry.isPresent()) {
            return Finding.met("The project is packaged with " + registry.get().ecosystem().name() + " ("
                    + registry.get().manifestPath() + "), so it installs and uninstalls with that ecosystem's"
                    + " tools; confirm that it is published.",
                    Look.evidence(snapshot, registry.get().manifestPath())).proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there is no software to install");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        return Look.absent(snapshot, "No package publishing, packaging recipe (such as a Dockerfile) or install"
                + " rule was found.").proposed();
    }
}
