package dev.bpkeeper.gather;

import java.util.ArrayList;
import java.util.List;
import org.spdx.utility.compare.LicenseCompareHelper;

/**
 * A licence as SPDX's template requires it, in words: the passages it requires, in order, and how many words its
 * own text has around each of them (where the template allows optional or variable text: a title, a copyright
 * line, a bullet, an appendix). A text holds the licence when it has every passage in order with at most that many
 * words, and a few more, around each: what SPDX's template match checks, in one linear pass instead of hundreds of
 * milliseconds. Extra words where the template allows none (an added clause) fail it.
 */
final class LicenseShape {
    /** Words beyond the licence's own around a passage: a longer copyright line or bullet than the sample's. */
    static final int SLACK = 12;
    /** Before the first passage: also a preamble (a title, copyright lines, "All rights reserved"). */
    static final int PREAMBLE = 40;

    private final List<String> passages;
    /** Words before each passage in the licence's own text, and after the last: one more entry than passages. */
    private final int[] gaps;

    private LicenseShape(List<String> passages, int[] gaps) {
        this.passages = passages;
        this.gaps = gaps;
    }

    /** Never holds: for a licence whose template could not be read or does not fit its own text. */
    private static final LicenseShape NONE = new LicenseShape(List.of(), new int[0]);

    // The SPDX library's only way to the required passages of a template goes through these two enums of a class
    // it deprecated without a replacement.
    @SuppressWarnings("deprecation")
    static LicenseShape of(String template, String text) {
        try {
            List<String> passages = new ArrayList<>();
            for (String segment : LicenseCompareHelper.getNonOptionalLicenseText(template,
                    org.spdx.utility.compare.FilterTemplateOutputHandler.VarTextHandling.OMIT,
                    org.spdx.utility.compare.FilterTemplateOutputHandler.OptionalTextHandling.OMIT)) {
                String tokens = LicenseText.tokens(segment);
                if (tokens.length() > 1) {
                    passages.add(tokens);
                }
            }
            if (passages.isEmpty()) {
                return NONE;
            }
            LicenseShape own = new LicenseShape(passages, null);
            int[] gaps = own.gapsIn(LicenseText.tokens(LicenseText.plain(text)));
            return gaps == null ? NONE : new LicenseShape(passages, gaps);
        } catch (Exception e) {
            return NONE;
        }
    }

    boolean isIn(String tokens) {
        if (gaps == null || gaps.length == 0) {
            return false;
        }
        int[] found = gapsIn(tokens);
        if (found == null) {
            return false;
        }
        for (int i = 0; i < found.length; i++) {
            if (found[i] > gaps[i] + SLACK + (i == 0 ? PREAMBLE : 0)) {
                return false;
            }
        }
        return true;
    }

    /** The words around each passage found in order (earliest first), or null when one is missing. */
    private int[] gapsIn(String tokens) {
        int[] found = new int[passages.size() + 1];
        int at = 0;
        for (int i = 0; i < passages.size(); i++) {
            String passage = passages.get(i);
            int index = tokens.indexOf(passage, at);
            if (index < 0) {
                return null;
            }
            found[i] = LicenseText.wordsBetween(tokens, at, index);
            at = index + passage.length() - 1;
        }
        found[passages.size()] = LicenseText.wordsBetween(tokens, at, tokens.length() - 1);
        return found;
    }
}
