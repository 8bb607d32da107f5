package dev.bpkeeper.gather;

import dev.bpkeeper.snapshot.LicenseFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.spdx.library.ListedLicenses;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.license.SpdxListedLicense;
import org.spdx.library.model.v3_0_1.expandedlicensing.ListedLicense;
import org.spdx.utility.compare.LicenseCompareHelper;

/**
 * Names licences with the SPDX licence list bundled in the SPDX library (never the network): identifies a
 * licence file's text by SPDX's matching templates and looks up OSI approval and FSF "libre" status.
 *
 * <p>Bounded, whatever the file: SPDX's own template match costs about 400 ms on a GPL text (and trying ~700
 * licences ~15 s), so a text is matched in one linear pass instead ({@link LicenseShape}: the template's required
 * passages in order, with no more words between them than the template allows there). The text is read as words,
 * so Markdown and reStructuredText markup, comment characters and line ends do not count; the candidates (ids the
 * text names, then the licences most projects use) are ranked by how many of their words the text holds, and at
 * most two that hold nearly all are tried; only a short text (MIT, BSD) whose best candidate fails that pass gets
 * SPDX's template match, for variable text longer than the pass allows. A file longer than any licence is not one.
 * A text that matches none stays unidentified (Unknown), which is honest, rather than guessed.
 */
public final class LicenseIdentifier {
    /** Ordered by how often projects use them; an ordering for speed, not a source of truth. */
    private static final List<String> COMMON = List.of("MIT", "Apache-2.0", "BSD-3-Clause", "BSD-2-Clause",
            "GPL-3.0-only", "GPL-2.0-only", "LGPL-2.1-only", "LGPL-3.0-only", "AGPL-3.0-only", "MPL-2.0", "ISC",
            "Unlicense", "0BSD", "EPL-2.0", "EPL-1.0", "BSL-1.0", "Zlib", "CC0-1.0", "Artistic-2.0", "EUPL-1.2",
            "MIT-0", "WTFPL", "PostgreSQL", "Python-2.0", "OFL-1.1", "UPL-1.0", "NCSA", "CDDL-1.0", "MulanPSL-2.0");
    private static final Pattern SPDX_TAG = Pattern.compile("SPDX-License-Identifier:\\s*([^\\n*]+)");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]*[A-Za-z0-9+]");

    /** Where a licence file names its SPDX id or its licence, if anywhere. */
    private static final int HEAD = 4000;
    /**
     * Longer than any licence tried (the longest, AGPL-3.0 and GPL-3.0, are about 35 KB), with room for markup and
     * a preamble; a longer file is not one of them.
     */
    static final int LONGEST_LICENSE = 120_000;
    /** A text holding fewer of a licence's words than this cannot pass its template match. */
    private static final double MIN_CONTAINMENT = 0.9;
    /** Candidates tried per text, best ranked first. */
    private static final int MAX_TEMPLATE_MATCHES = 2;
    /** SPDX's template match is run on texts up to this long only: it costs about 40 ms for MIT, 400 ms for GPL. */
    static final int TEMPLATE_MATCH_UP_TO = 6_000;

    private static volatile LicenseIdentifier instance;
    private final ListedLicenses listed;
    private final Map<String, Set<String>> licenseWords = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, LicenseShape> shapes = new java.util.concurrent.ConcurrentHashMap<>();

    private LicenseIdentifier() {
        System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
        SpdxModelFactory.init();
        listed = ListedLicenses.getListedLicenses();
        // The common licences' words and shapes are read here, once, so that no identification pays for them.
        try {
            Map<String, ListedLicense> licenses = listed.getSpdxListedLicenses();
            for (String id : COMMON) {
                ListedLicense license = licenses.get(id);
                if (license != null) {
                    wordsOf(id, license);
                    shapeOf(id, license);
                }
            }
        } catch (Exception e) {
            // Read on first use instead.
        }
    }

    /** Loading the licence list and reading the common licences costs about a second, so it happens once, on first use. */
    public static LicenseIdentifier get() {
        if (instance == null) {
            synchronized (LicenseIdentifier.class) {
                if (instance == null) {
                    instance = new LicenseIdentifier();
                }
            }
        }
        return instance;
    }

    /** The SPDX id of a licence file's text, if it is one of the licences we try. */
    public Optional<String> identifyText(String text) {
        String head = text.length() > HEAD ? text.substring(0, HEAD) : text;
        Matcher tag = SPDX_TAG.matcher(head);
        if (tag.find()) {
            return canonicalExpression(tag.group(1).strip());
        }
        if (text.length() > LONGEST_LICENSE) {
            // No licence we try is this long: a file this size is not one of them, whatever it holds.
            return Optional.empty();
        }
        String plain = LicenseText.plain(text);
        Set<String> words = LicenseText.words(plain);
        String tokens = LicenseText.tokens(plain);
        try {
            Map<String, ListedLicense> licenses = listed.getSpdxListedLicenses();
            List<Candidate> ranked = new ArrayList<>();
            for (String id : candidates(head)) {
                ListedLicense license = licenses.get(id);
                if (license == null) {
                    continue;
                }
                Set<String> own = wordsOf(id, license);
                double held = LicenseText.containment(own, words);
                if (held >= MIN_CONTAINMENT) {
                    // A short licence whose words a longer one repeats (LGPL in GPL) ranks below the longer one.
                    ranked.add(new Candidate(id, license, held * LicenseText.containment(words, own)));
                }
            }
            // Stable: on a tie the earlier candidate (named in the text, then the more common) is tried first.
            ranked.sort(java.util.Comparator.comparingDouble(Candidate::score).reversed());
            int tried = 0;
            Set<String> failed = new java.util.HashSet<>();
            for (Candidate candidate : ranked) {
                if (tried == MAX_TEMPLATE_MATCHES) {
                    break;
                }
                if (failed.contains(candidate.id().replace("-or-later", "-only"))) {
                    continue; // the same text as its "-only" sibling, which did not match
                }
                tried++;
                failed.add(candidate.id());
                if (matches(candidate.id(), candidate.license(), tokens, plain, tried == 1)) {
                    return Optional.of(candidate.id());
                }
            }
        } catch (Exception e) {
            // The library reports malformed templates as checked exceptions; an unidentified licence is Unknown.
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The text holds the licence: its required words in order, with nothing longer in between than its template
     * allows there (fast, for any length); else, for a short text and the best-ranked candidate only, SPDX's own
     * template match (exact, with variable text of any length, but about 40 ms for MIT and 400 ms for GPL).
     */
    private boolean matches(String id, ListedLicense license, String tokens, String plain, boolean best)
            throws Exception {
        if (shapeOf(id, license).isIn(tokens)) {
            return true;
        }
        return best && plain.length() <= TEMPLATE_MATCH_UP_TO
                && !LicenseCompareHelper.isTextStandardLicense(license, plain).isDifferenceFound();
    }

    private LicenseShape shapeOf(String id, ListedLicense license) throws Exception {
        LicenseShape shape = shapes.get(id);
        if (shape == null) {
            shape = LicenseShape.of(license.getStandardLicenseTemplate().orElse(""), license.getLicenseText());
            shapes.put(id, shape);
        }
        return shape;
    }

    private record Candidate(String id, ListedLicense license, double score) {
    }

    /** A licence's own words, read from its text once. */
    private Set<String> wordsOf(String id, ListedLicense license) throws Exception {
        Set<String> own = licenseWords.get(id);
        if (own == null) {
            own = LicenseText.words(LicenseText.plain(license.getLicenseText()));
            licenseWords.put(id, own);
        }
        return own;
    }

    /** Ids named in the text (e.g. "GPL-2.0" in a header), then the common ones. */
    private List<String> candidates(String head) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher token = TOKEN.matcher(head);
        while (token.find()) {
            listed.listedLicenseIdCaseSensitive(token.group()).ifPresent(ids::add);
        }
        ids.addAll(COMMON);
        // "-only" and "-or-later" share their text; try the family's other spelling too.
        List<String> withVariants = new ArrayList<>();
        for (String id : ids) {
            withVariants.add(id);
            if (id.endsWith("-only")) {
                withVariants.add(id.replace("-only", "-or-later"));
            }
        }
        return withVariants;
    }

    /**
     * A declared licence (from a manifest or the forge) in SPDX's spelling, or empty when it is not a valid SPDX
     * expression of listed licences.
     */
    public Optional<String> canonicalExpression(String declared) {
        String expression = declared.strip();
        if (expression.isEmpty() || expression.equalsIgnoreCase("NOASSERTION")
                || expression.equalsIgnoreCase("other")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        Matcher token = Pattern.compile("\\(|\\)|[^\\s()]+").matcher(expression);
        while (token.find()) {
            String part = token.group();
            String upper = part.toUpperCase(Locale.ROOT);
            if (part.equals("(") || part.equals(")")) {
                parts.add(part);
            } else if (upper.equals("AND") || upper.equals("OR") || upper.equals("WITH")) {
                parts.add(upper);
            } else {
                boolean orLater = part.endsWith("+");
                String id = orLater ? part.substring(0, part.length() - 1) : part;
                Optional<String> listedId = listed.listedLicenseIdCaseSensitive(id)
                        .or(() -> listed.listedExceptionIdCaseSensitive(id));
                if (listedId.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(listedId.get() + (orLater ? "+" : ""));
            }
        }
        return parts.isEmpty() ? Optional.empty()
                : Optional.of(String.join(" ", parts).replace("( ", "(").replace(" )", ")"));
    }

    /** OSI and FSF facts of an expression: an OR needs one acceptable branch, an AND needs all. */
    public LicenseFacts facts(String expression, String source, String evidencePath) {
        return new LicenseFacts(expression, source, evidencePath,
                satisfiable(expression, this::isOsiApproved),
                satisfiable(expression, id -> isOsiApproved(id) || isFsfLibre(id)));
    }

    private boolean satisfiable(String expression, java.util.function.Predicate<String> acceptable) {
        String stripped = expression.replace("(", " ").replace(")", " ");
        // Parentheses are rare in practice; evaluate OR of ANDs on the flattened form, which is exact for
        // expressions without nesting and conservative otherwise.
        for (String alternative : stripped.split("\\s+OR\\s+")) {
            boolean all = true;
            for (String part : alternative.split("\\s+AND\\s+")) {
                String id = part.strip().split("\\s+WITH\\s+")[0].strip();
                if (id.endsWith("+")) {
                    id = id.substring(0, id.length() - 1);
                }
                if (id.isEmpty() || !acceptable.test(id)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    private boolean isOsiApproved(String id) {
        try {
            Optional<SpdxListedLicense> license = license(id);
            return license.isPresent() && license.get().isOsiApproved();
        } catch (Exception e) {
            return false;
        }
    }

    private boolean isFsfLibre(String id) {
        try {
            Optional<SpdxListedLicense> license = license(id);
            return license.isPresent() && Boolean.TRUE.equals(license.get().getFsfLibre());
        } catch (Exception e) {
            return false;
        }
    }

    private Optional<SpdxListedLicense> license(String id) {
        try {
            return listed.isSpdxListedLicenseId(id) ? Optional.ofNullable(listed.getListedLicenseByIdCompatV2(id))
                    : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
