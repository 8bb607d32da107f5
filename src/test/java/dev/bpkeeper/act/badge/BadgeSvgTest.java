package dev.bpkeeper.act.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bpkeeper.act.report.AssessmentView;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Our badges against bestpractices.dev's official SVGs, parsed as XML: same texts, colours and geometry. */
class BadgeSvgTest {

    static Stream<Arguments> officialBadges() {
        return Stream.of(
                Arguments.of("in progress at 0%", "in_progress", 0, "badge_static_0.svg"),
                Arguments.of("in progress at 57%", "in_progress", 57, "badge_static_57.svg"),
                Arguments.of("in progress at 99% (dark text)", "in_progress", 99, "badge_static_99.svg"),
                Arguments.of("passing", "passing", 100, "badge_static_passing.svg"),
                Arguments.of("silver (dark text)", "silver", 200, "badge_static_silver.svg"),
                Arguments.of("gold (dark text)", "gold", 300, "badge_static_gold.svg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("officialBadges")
    void givenAStoredLevel_whenTheMetalBadgeIsDrawn_thenItIsTheOfficialBadgeElementForElement(
            String name, String level, int tiered, String file) throws Exception {
        String official = resource("badges/official/" + file);

        String ours = BadgeSvg.render(Badges.metal(new AssessmentView.Badge(level, tiered, "ignored")));

        assertThat(elements(ours)).as("every element, attribute and text").isEqualTo(elements(official));
        assertThat(ours).as("even byte for byte").isEqualTo(official);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("expectedWidths")
    void givenAText_whenMeasured_thenTheWidthIsShieldsIosWidth(String text, double expected) {
        assertThat(VerdanaWidths.get().width(text)).isCloseTo(expected, within(1e-9));
    }

    static Stream<Arguments> expectedWidths() throws Exception {
        Map<String, Double> widths = new ObjectMapper().readValue(resource("badges/expected-widths.json"),
                new TypeReference<Map<String, Double>>() { });
        return widths.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "markup in the text      | <script>alert(1)</script>",
        "quotes and ampersand    | a\"b'c&d",
        "entity lookalike        | &lt;not-an-entity&gt;",
        "control characters      | a\u0001b\u0007c",
        "empty message           | ''"})
    void givenHostileText_whenDrawn_thenTheSvgStaysWellFormedAndShowsTheTextLiterally(String name, String text)
            throws Exception {
        String svg = BadgeSvg.render(new Badge(text, text, "#4c1"));

        Element root = parse(svg);
        assertThat(root.getElementsByTagName("script").getLength()).isZero();
        String shown = text.replaceAll("[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f]", "");
        assertThat(root.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(shown + ": " + shown);
        assertThat(root.getAttribute("aria-label")).isEqualTo(shown + ": " + shown);
    }

    @ParameterizedTest(name = "{0}% → {1}")
    @CsvSource({"0, #ca3f10", "57, #ca8e10", "99, #cac910", "50, #ca8510", "-5, #ca3f10", "150, #cac910"})
    void givenAPercentageBelowPassing_whenColoured_thenItMovesEvenlyFromUpstreamsRedToYellow(int percentage,
                                                                                         String color) {
        assertThat(Badges.metal(new AssessmentView.Badge("in_progress", percentage, "")).color()).isEqualTo(color);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "baseline-1 reached  | baseline-1  | 300 | 1     | #007ec6",
        "baseline-2 reached  | baseline-2  | 300 | 2     | #0066a1",
        "baseline-3 reached  | baseline-3  | 300 | 3     | #004b87",
        "working on it       | in_progress | 42  | 🚧 42% | #c45500",
        "nothing yet         | in_progress | 0   | 🚧 0%  | #c45500"})
    void givenABaselineResult_whenTheBaselineBadgeIsChosen_thenItSaysWhatUpstreamsSays(
            String name, String level, int tiered, String message, String color) throws Exception {
        Badge badge = Badges.of(view(new AssessmentView.Badge(level, tiered, "")), Badges.Series.BASELINE);

        assertThat(badge).isEqualTo(new Badge("openssf baseline v2026.02.19", message, color));
        assertThat(parse(BadgeSvg.render(badge)).getAttribute("aria-label"))
                .isEqualTo("openssf baseline v2026.02.19: " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"METAL, openssf best practices", "BASELINE, openssf baseline v2026.02.19"})
    void givenNoEvaluation_whenTheBadgeIsDrawn_thenItIsGreyAndSaysNotEvaluated(Badges.Series series, String label)
            throws Exception {
        Element root = parse(BadgeSvg.render(Badges.notEvaluated(series)));

        assertThat(root.getAttribute("aria-label")).isEqualTo(label + ": not evaluated");
        assertThat(((Element) root.getElementsByTagName("rect").item(2)).getAttribute("fill")).isEqualTo("#9f9f9f");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"#4c1, false", "#ca8e10, false", "#cac910, true", "#c0c0c0, true", "#ffd700, true",
        "#9f9f9f, false", "#007ec6, false"})
    void givenABackground_whenChoosingTheTextColour_thenShieldsIosBrightnessRuleDecides(String color, boolean light) {
        assertThat(new Badge("l", "m", color).light()).isEqualTo(light);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"passing, 4c1", "silver, c0c0c0"})
    void givenALevel_whenServedToShieldsIo_thenTheEndpointSchemaCarriesTheSameTextAndColour(String level,
                                                                                         String color) {
        Map<String, Object> json = ShieldsEndpoint.of(Badges.metal(new AssessmentView.Badge(level, 100, "")));

        assertThat(json).containsExactly(Map.entry("schemaVersion", 1), Map.entry("label", "openssf best practices"),
                Map.entry("message", level), Map.entry("color", color), Map.entry("cacheSeconds", 300));
    }

    private static AssessmentView view(AssessmentView.Badge baseline) {
        return new AssessmentView("acme/widget", "abc", "2026-12-01T00:00:00Z",
                new AssessmentView.Badge("passing", 100, "passing"), baseline, List.of(), List.of());
    }

    /** Every element in document order as "name{sorted attributes}text". */
    private static List<String> elements(String svg) throws Exception {
        List<String> out = new ArrayList<>();
        collect(parse(svg), out);
        return out;
    }

    private static void collect(Element element, List<String> out) {
        Map<String, String> attributes = new TreeMap<>();
        NamedNodeMap map = element.getAttributes();
        for (int i = 0; i < map.getLength(); i++) {
            attributes.put(map.item(i).getNodeName(), map.item(i).getNodeValue());
        }
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                text.append(child.getNodeValue());
            }
        }
        out.add(element.getTagName() + attributes + text);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                collect(e, out);
            }
        }
    }

    static Element parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    static String resource(String path) throws Exception {
        try (InputStream in = BadgeSvgTest.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
