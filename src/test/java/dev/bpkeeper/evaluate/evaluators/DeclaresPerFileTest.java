package dev.bpkeeper.evaluate.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bpkeeper.evaluate.Evaluator;
import dev.bpkeeper.evaluate.Finding;
import dev.bpkeeper.evaluate.Status;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DeclaresCopyrightPerFile and DeclaresLicensePerFile, which share the REUSE reading. */
class DeclaresPerFileTest {
    private static final String TOML_ALL = "version = 1\n\n[[annotations]]\npath = \"**\"\nprecedence = \"aggregate\"\n"
            + "SPDX-FileCopyrightText = \"2026 Acme\"\nSPDX-License-Identifier = \"MIT\"\n";
    private static final String TOML_DOCS_ONLY = "version = 1\n[[annotations]]\npath = [\"docs/**\", \"*.md\"]\n"
            + "SPDX-FileCopyrightText = \"2026 Acme\"\nSPDX-License-Identifier = \"CC-BY-4.0\"\n";
    private static final String TOML_LICENCE_ONLY = "version = 1\n[[annotations]]\npath = [\"**\"]\n"
            + "SPDX-License-Identifier = \"MIT\"\n";
    private static final String DEP5_ALL = "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
            + "Upstream-Name: widget\n\nFiles: *\nCopyright: 2026 Acme\nLicense: MIT\n";

    static Stream<Arguments> repositories() {
        Evaluator copyright = new DeclaresCopyrightPerFile();
        Evaluator licence = new DeclaresLicensePerFile();
        return Stream.of(
                Arguments.of("REUSE.toml for all files: copyright", copyright, Repo.onGitHub()
                        .withFile("REUSE.toml", TOML_ALL), Status.MET, "REUSE.toml declares a copyright for every file"),
                Arguments.of("REUSE.toml for all files: licence", licence, Repo.onGitHub()
                        .withFile("REUSE.toml", TOML_ALL), Status.MET, "declares a licence for every file"),
                Arguments.of("dep5 for all files: copyright", copyright, Repo.onGitHub()
                        .withFile(".reuse/dep5", DEP5_ALL), Status.MET, ".reuse/dep5 declares a copyright"),
                Arguments.of("dep5 for all files: licence", licence, Repo.onGitHub()
                        .withFile(".reuse/dep5", DEP5_ALL), Status.MET, ".reuse/dep5 declares a licence"),
                Arguments.of("an annotation for docs only", copyright, Repo.onGitHub()
                        .withFile("REUSE.toml", TOML_DOCS_ONLY), Status.UNKNOWN, "for some paths only"),
                Arguments.of("all files get a licence but no copyright: copyright", copyright, Repo.onGitHub()
                        .withFile("REUSE.toml", TOML_LICENCE_ONLY), Status.UNKNOWN, "for some paths only"),
                Arguments.of("all files get a licence but no copyright: licence", licence, Repo.onGitHub()
                        .withFile("REUSE.toml", TOML_LICENCE_ONLY), Status.MET, "declares a licence for every file"),
                Arguments.of("REUSE.toml not read", licence, Repo.onGitHub().withFile("REUSE.toml"), Status.UNKNOWN,
                        "was not read"),
                Arguments.of("a LICENSE file alone says nothing per file", licence, Repo.onGitHub()
                        .withFile("LICENSE", "MIT"), Status.UNKNOWN, "source files' headers are not read"),
                Arguments.of("empty repository", copyright, Repo.onGitHub(), Status.UNKNOWN, "No REUSE.toml"),
                Arguments.of("empty local directory", licence, Repo.localDirectory(), Status.UNKNOWN,
                        "No REUSE.toml"));
    }

    @ParameterizedTest(name = "{0} → {3}")
    @MethodSource("repositories")
    void answersFromReuseConfiguration(String scenario, Evaluator evaluator, Repo repo, Status expected,
                                       String justificationPart) {
        Finding finding = evaluator.evaluate(repo.snapshot());

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.justification()).contains(justificationPart);
    }
}
