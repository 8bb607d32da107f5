package dev.bpkeeper.evaluate.evaluators;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.snapshot.Need;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Can developers set up a complete development and test environment quickly, in a conventional way? */
public final class OffersQuickDevelopmentSetup implements Evaluator {
    private static final List<String> ENVIRONMENTS = List.of(".devcontainer/devcontainer.json",
            ".devcontainer.json", ".gitpod.yml", "flake.nix", "shell.nix", "devbox.json", "Vagrantfile");
    private static final List<String> WRAPPERS = List.of("mvnw", "gradlew");

    @Override
    public List<WantedFile> wantedFiles() {
        return List.of(Wanted.README, Wanted.COMMUNITY, Wanted.DEVELOPMENT_DOCS);
    }

    @Override
    public Set<Need> needs() {
        return Set.of(Need.LANGUAGES);
    }

    @Override
    public Finding evaluate(RepositorySnapshot snapshot) {
        Optional<String> environment = snapshot.tree().findFirst(ENVIRONMENTS)
                .or(() -> snapshot.tree().named("devcontainer.json").stream()
                        .filter(p -> p.startsWith(".devcontainer/")).findFirst());
        if (environment.isPresent()) {
            return Finding.met(environment.get() + " sets up a complete development environment in one step.",
                    Look.evidence(snapshot, environment.get())).proposed();
        }
        List<String> docs = new ArrayList<>(Look.documents(snapshot));
        Optional<Look.Hit> section = Look.findLine(snapshot, docs, Look.words("^(#{1,4}|=+)\\s*(development( setup|"
                + " environment)?|developing|dev setup|setting up|local development|build(ing)?( from source)?"
                + "|hacking|getting started with development|how to build|build instructions)\\s*:?\\s*#*\\s*$"));
        if (section.isPresent()) {
            return Finding.met(section.get().path() + " explains how to set up for development (\""
                    + section.get().text() + "\", line " + section.get().line() + ").",
                    Look.evidence(snapshot, section.get().path())).proposed();
        }
        Optional<String> wrapper = snapshot.tree().findFirst(WRAPPERS);
        if (wrapper.isPresent()) {
            return Finding.met("The build wrapper " + wrapper.get() + " fetches the right build tool, so `./"
                    + wrapper.get() + "` builds and tests a fresh checkout with nothing else to install but a JDK.",
                    Look.evidence(snapshot, wrapper.get())).proposed();
        }
        List<String> lockfiles = Code.lockfiles(snapshot.tree());
        List<Ecosystem.Detected> tools = Code.buildTools(snapshot.tree());
        if (!lockfiles.isEmpty() && !tools.isEmpty()) {
            return Finding.met("The project uses " + tools.get(0).ecosystem().name() + " with the lockfile "
                    + lockfiles.get(0) + ", so `" + tools.get(0).ecosystem().buildCommand() + "` and `"
                    + tools.get(0).ecosystem().testCommand() + "` set up and test a fresh checkout.",
                    Look.evidence(snapshot, lockfiles.get(0))).proposed();
        }
        Optional<Finding> noCode = Code.withNoCode(snapshot, "so there is no development environment to set up");
        if (noCode.isPresent()) {
            return noCode.get();
        }
        return Look.absent(snapshot, "No dev container, build wrapper, lockfile or documented development setup was"
                + " found.").proposed();
    }
}
