package dev.bpkeeper.gather;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spdx.library.ListedLicenses;

/**
 * A licence file is named by its text, however it is dressed (Markdown, reStructuredText, a comment block, a
 * copyright preamble), and a text that is not exactly a licence is not named. The fixtures are the SPDX licence
 * texts of the library, dressed here ({@link #markdown}, {@link #restructuredText}, ...).
 */
public class LicenseIdentifierTest {

    public static Stream<Arguments> dressedLicences() {
        return Stream.of(
                Arguments.of("MIT as SPDX has it", "MIT", UnaryOperator.identity()),
                Arguments.of("Apache-2.0 as SPDX has it", "Apache-2.0", UnaryOperator.identity()),
                Arguments.of("GPL-3.0 as SPDX has it", "GPL-3.0-only", UnaryOperator.identity()),
                Arguments.of("GPL-2.0 as SPDX has it", "GPL-2.0-only", UnaryOperator.identity()),
                Arguments.of("LGPL-3.0 as SPDX has it", "LGPL-3.0-only", UnaryOperator.identity()),
                Arguments.of("AGPL-3.0 as SPDX has it", "AGPL-3.0-only", UnaryOperator.identity()),
                Arguments.of("MPL-2.0 as SPDX has it", "MPL-2.0", UnaryOperator.identity()),
                Arguments.of("BSD-3-Clause as SPDX has it", "BSD-3-Clause", UnaryOperator.identity()),
                Arguments.of("ISC as SPDX has it", "ISC", UnaryOperator.identity()),
                Arguments.of("GPL-3.0 as Markdown (LICENSE.md)", "GPL-3.0-only", (UnaryOperator<String>) LicenseIdentifierTest::markdown),
                Arguments.of("Apache-2.0 as Markdown", "Apache-2.0", (UnaryOperator<String>) LicenseIdentifierTest::markdown),
                Arguments.of("MIT as Markdown", "MIT", (UnaryOperator<String>) LicenseIdentifierTest::markdown),
                Arguments.of("GPL-3.0 as reStructuredText", "GPL-3.0-only", (UnaryOperator<String>) LicenseIdentifierTest::restructuredText),
                Arguments.of("BSD-3-Clause as reStructuredText", "BSD-3-Clause", (UnaryOperator<String>) LicenseIdentifierTest::restructuredText),
                Arguments.of("MIT as a '#' comment header", "MIT", commented("# ")),
                Arguments.of("Apache-2.0 as a '#' comment header", "Apache-2.0", commented("# ")),
                Arguments.of("BSD-3-Clause as a ' * ' comment block", "BSD-3-Clause", commented(" * ")),
                Arguments.of("GPL-3.0 after a copyright preamble", "GPL-3.0-only", (UnaryOperator<String>) LicenseIdentifierTest::withPreamble),
                Arguments.of("Apache-2.0 after a copyright preamble", "Apache-2.0", (UnaryOperator<String>) LicenseIdentifierTest::withPreamble),
                Arguments.of("MIT after a copyright preamble", "MIT", (UnaryOperator<String>) LicenseIdentifierTest::withPreamble),
                Arguments.of("MIT with CRLF line ends", "MIT", (UnaryOperator<String>) t -> t.replace("\n", "\r\n")),
                Arguments.of("GPL-3.0 with British spelling (licence)", "GPL-3.0-only",
                        (UnaryOperator<String>) t -> t.replace("License", "Licence").replace("license", "licence")));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("dressedLicences")
    void givenALicenceTextHoweverDressedThenItIsNamed(String scenario, String id, UnaryOperator<String> dress)
            throws Exception {
        String text = dress.apply(spdxText(id));

        assertThat(LicenseIdentifier.get().identifyText(text)).contains(id);
    }

    public static Stream<Arguments> notALicence() throws Exception {
        String mit = spdxText("MIT");
        String gpl = spdxText("GPL-3.0-only");
        assertThat(mit).contains("following conditions:");
        int middle = gpl.indexOf("1. Source Code.");
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("blank lines", "\n\n   \n"),
                Arguments.of("a title alone", "MIT License\n"),
                Arguments.of("a README that names the licence", "# Widget\n\nReleased under the GPL-3.0 and MIT.\n"),
                Arguments.of("MIT with a clause added (no commercial use)", mit.replace("following conditions:",
                        "following conditions:\n\nThe Software shall not be used for commercial purposes of any"
                        + " kind without the prior written consent of the authors.\n")),
                Arguments.of("GPL-3.0 with a restriction added in the middle", gpl.substring(0, middle)
                        + "\n  Additionally, nobody may use, copy, modify or distribute the Program for any military"
                        + " purpose whatsoever, nor sell copies of it to any government or its agencies.\n"
                        + gpl.substring(middle)),
                Arguments.of("GPL-3.0 cut in half", gpl.substring(0, gpl.length() / 2)),
                Arguments.of("a megabyte of prose", "The quick brown fox jumps over the lazy dog. ".repeat(23_000)),
                Arguments.of("GPL-3.0 a hundred times over (4 MB)", gpl.repeat(100)));
    }

    @ParameterizedTest(name = "{0}: not named")
    @MethodSource("notALicence")
    void givenATextThatIsNotExactlyALicenceThenItIsNotNamed(String scenario, String text) {
        assertThat(LicenseIdentifier.get().identifyText(text)).isEqualTo(Optional.empty());
    }

    public static String spdxText(String id) throws Exception {
        LicenseIdentifier.get();
        return ListedLicenses.getListedLicenses().getSpdxListedLicenses().get(id).getLicenseText();
    }

    /** Headings for short upper-case lines and numbered section titles, a link, emphasis, as LICENSE.md files do. */
    static String markdown(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            if (isTitle(s)) {
                out.append("# ").append(s).append('\n');
            } else if (s.matches("\\d+\\. [A-Z][^.]{0,60}\\.")) {
                out.append("### ").append(s).append('\n');
            } else {
                out.append(line.replace("Free Software Foundation, Inc.",
                        "[Free Software Foundation, Inc.](https://fsf.org/)").replace("AS IS", "**AS IS**")).append('\n');
            }
        }
        return out.toString();
    }

    /** Titles underlined, as reStructuredText does. */
    static String restructuredText(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            out.append(line).append('\n');
            if (isTitle(s)) {
                out.append("=".repeat(s.length())).append('\n');
            }
        }
        return out.toString();
    }

    static UnaryOperator<String> commented(String prefix) {
        return text -> prefix.strip() + "\n" + text.lines().map(l -> prefix + l).reduce((a, b) -> a + "\n" + b)
                .orElse("") + "\n";
    }

    static String withPreamble(String text) {
        return "Copyright (c) 2019-2026 Acme Widgets Ltd. and contributors\nAll rights reserved.\n\n" + text;
    }

    private static boolean isTitle(String line) {
        return !line.isEmpty() && line.length() < 60 && line.equals(line.toUpperCase(java.util.Locale.ROOT))
                && line.matches(".*[A-Z]{3}.*");
    }
}
