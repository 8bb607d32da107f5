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
 * <p>Matching a text against all ~700 licences takes ~15 s, so only a short list of candidates is tried: ids
 * the text itself names, then the licences most projects use. A text that matches none of them stays
 * unidentified (Unknown), which is honest, rather than guessed.
 */
public final class LicenseIdentifier {
    /** Ordered by how often projects use them; an ordering for speed, not a source of truth. */
    private static final List<String> COMMON = List.of("MIT", "Apache-2.0", "BSD-3-Clause", "BSD-2-Clause",
            "GPL-3.0-only", "GPL-2.0-only", "LGPL-2.1-only", "LGPL-3.0-only", "AGPL-3.0-only", "MPL-2.0", "ISC",
            "Unlicense", "0BSD", "EPL-2.0", "EPL-1.0", "BSL-1.0", "Zlib", "CC0-1.0", "Artistic-2.0", "EUPL-1.2",
            "MIT-0", "WTFPL", "PostgreSQL", "Python-2.0", "OFL-1.1", "UPL-1.0", "NCSA", "CDDL-1.0", "MulanPSL-2.0");
    private static final Pattern SPDX_TAG = Pattern.compile("SPDX-License-Identifier:\\s*([^\\n*]+)");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.+-]*[A-Za-z0-9+]");

    private static volatile LicenseIdentifier instance;
    private final ListedLicenses listed;

    private LicenseIdentifier() {
        System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
        SpdxModelFactory.init();
        listed = ListedLicenses.getListedLicenses();
    }

    /** Loading the licence list costs ~0.4 s, so it happens once, on first use. */
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
        Matcher tag = SPDX_TAG.matcher(text);
        if (tag.find()) {
            return canonicalExpression(tag.group(1).strip());
        }
        try {
            Map<String, ListedLicense> licenses = listed.getSpdxListedLicenses();
            for (String candidate : candidates(text)) {
                ListedLicense license = licenses.get(candidate);
                if (license != null && !LicenseCompareHelper.isTextStandardLicense(license, text)
                        .isDifferenceFound()) {
                    return Optional.of(candidate);
                }
            }
        } catch (Exception e) {
            // The library reports malformed templates as checked exceptions; an unidentified licence is Unknown.
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Ids named in the text (e.g. "GPL-2.0" in a header), then the common ones. */
    private List<String> candidates(String text) {
        Set<String> ids = new LinkedHashSet<>();
        String head = text.length() > 4000 ? text.substring(0, 4000) : text;
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
