package dev.bpkeeper.gather;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.snapshot.Fact;
import dev.bpkeeper.snapshot.FileTree;
import dev.bpkeeper.snapshot.LicenseFacts;
import dev.bpkeeper.snapshot.RepositorySnapshot;
import dev.bpkeeper.snapshot.WantedFile;
import dev.bpkeeper.snapshot.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of gathering that does not depend on where files come from: choose the files to read, read them
 * through the given reader, parse workflows and name the licence. Local and GitHub gatherers share it.
 */
public final class SnapshotAssembler {
    /** Licence files at the root, and the manifests that declare a licence id. */
    static final WantedFile LICENSE_FILES = WantedFile.matching(
            "([a-z0-9]+[-.])?(licen[cs]e|copying|unlicense)([-.][a-z0-9]+)?(\\.(md|txt|rst))?", 3);
    static final WantedFile LICENSE_MANIFESTS = WantedFile.matching("package\\.json|cargo\\.toml|pyproject\\.toml", 3);
    /** The app's own configuration file: read whatever the evaluators want, at no cost when it is absent. */
    static final WantedFile CONFIGURATION = WantedFile.matching(
            Pattern.quote(dev.bpkeeper.policy.ConfigKeys.REPOSITORY_FILE), 1);
    private static final Pattern TOML_LICENSE = Pattern.compile("(?m)^\\s*license\\s*=\\s*\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotAssembler() {
    }

    /**
     * Reads the declared files and fills contents, workflows and (unless the forge already named it) the
     * licence into the builder.
     *
     * @param reader the text of a path, empty when it cannot be read (binary, too large, gone)
     * @param forgeLicense the licence id the forge detected, if it did
     */
    public static RepositorySnapshot.Builder assemble(RepositorySnapshot.Builder builder, FileTree tree,
                                                      List<WantedFile> wanted, Function<String, Optional<String>> reader,
                                                      Optional<String> forgeLicense) {
        List<WantedFile> all = new ArrayList<>(forgeLicense.isEmpty() ? withLicenseSources(wanted) : wanted);
        all.add(CONFIGURATION);
        Map<String, String> contents = new LinkedHashMap<>();
        for (String path : ContentSelection.select(tree, all)) {
            reader.apply(path).ifPresent(text -> contents.put(path, text));
        }
        List<Workflow> workflows = new ArrayList<>();
        contents.forEach((path, text) -> {
            if (path.matches("\\.github/workflows/[^/]+\\.ya?ml")) {
                workflows.add(WorkflowParser.parse(path, text));
            }
        });
        return builder.tree(tree).contents(contents).workflows(workflows)
                .license(license(forgeLicense, tree, contents));
    }

    /**
     * A project in a sub-directory of an already gathered repository, as its own snapshot: the tree rooted there
     * (see {@link FileTree#rootedAt}), the repository-wide facts unchanged, and the files it wants read anew.
     *
     * @param fetch the text of repository paths the repository's snapshot did not already hold, by path (one
     *        request on GitHub, however many files)
     */
    public static RepositorySnapshot project(RepositorySnapshot repository, String directory, List<WantedFile> wanted,
                                             Function<List<String>, Map<String, String>> fetch) {
        FileTree tree = repository.tree().rootedAt(directory);
        Map<String, String> texts = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String path : ContentSelection.select(tree, everythingRead(wanted))) {
            String inRepository = tree.repositoryPath(path);
            repository.text(inRepository).ifPresentOrElse(t -> texts.put(inRepository, t),
                    () -> missing.add(inRepository));
        }
        if (!missing.isEmpty()) {
            texts.putAll(fetch.apply(missing));
        }
        // The forge's licence is the repository's; a sub-project may have its own, so it is read from the files.
        RepositorySnapshot.Builder builder = repository.toBuilder().name(repository.name() + "/" + directory);
        return assemble(builder, tree, wanted, path -> Optional.ofNullable(texts.get(tree.repositoryPath(path))),
                Optional.empty()).build();
    }

    /** The declared files plus where a licence can be read when the forge has not named it. */
    public static List<WantedFile> withLicenseSources(List<WantedFile> wanted) {
        List<WantedFile> all = new ArrayList<>(wanted);
        all.add(LICENSE_FILES);
        all.add(LICENSE_MANIFESTS);
        return all;
    }

    /** Everything a gatherer may read: the declared files, the licence sources and the configuration. */
    public static List<WantedFile> everythingRead(List<WantedFile> wanted) {
        List<WantedFile> all = withLicenseSources(wanted);
        all.add(CONFIGURATION);
        return all;
    }

    private static List<String> rootLicenseFiles(FileTree tree) {
        return tree.filesIn("").stream().filter(LICENSE_FILES::matches).toList();
    }

    static Fact<LicenseFacts> license(Optional<String> forgeLicense, FileTree tree, Map<String, String> contents) {
        LicenseIdentifier identifier = LicenseIdentifier.get();
        if (forgeLicense.isPresent()) {
            Optional<String> id = identifier.canonicalExpression(forgeLicense.get());
            if (id.isPresent()) {
                String path = rootLicenseFiles(tree).stream().findFirst().orElse("");
                return Fact.known(identifier.facts(id.get(), "GitHub licence detection", path));
            }
        }
        for (Map.Entry<String, String> file : contents.entrySet()) {
            if (!file.getKey().contains("/") && LICENSE_FILES.matches(file.getKey())) {
                Optional<String> id = identifier.identifyText(file.getValue());
                if (id.isPresent()) {
                    return Fact.known(identifier.facts(id.get(), file.getKey(), file.getKey()));
                }
            }
        }
        for (Map.Entry<String, String> file : contents.entrySet()) {
            Optional<String> declared = declaredLicense(file.getKey(), file.getValue());
            Optional<String> id = declared.flatMap(identifier::canonicalExpression);
            if (id.isPresent()) {
                return Fact.known(identifier.facts(id.get(), "declared in " + file.getKey(), file.getKey()));
            }
        }
        boolean hasLicenseFile = !rootLicenseFiles(tree).isEmpty();
        return Fact.unknown(hasLicenseFile
                ? "the licence file's text did not match a licence of the SPDX list we compare against"
                : "no licence file or declared licence was found");
    }

    static Optional<String> declaredLicense(String path, String text) {
        String name = path.toLowerCase(Locale.ROOT);
        if (name.equals("package.json")) {
            try {
                JsonNode license = JSON.readTree(text).path("license");
                return license.isTextual() ? Optional.of(license.asText()) : Optional.empty();
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        if (name.equals("cargo.toml") || name.equals("pyproject.toml")) {
            Matcher matcher = TOML_LICENSE.matcher(text);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }
}
