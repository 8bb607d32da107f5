package dev.bpkeeper.act.badge;

import dev.bpkeeper.act.report.AssessmentView;

/**
 * Which badge a stored result shows, with bestpractices.dev's texts and colours: "in progress N%" (the passing
 * percentage, red-orange at 0 % moving evenly to yellow at 99 %) until passing, then the metal level achieved;
 * progress toward silver or gold is never shown, as upstream. The OSPS Baseline badge shows the highest level
 * reached, or the baseline-1 percentage behind a "work in progress" sign.
 */
public final class Badges {
    public static final String METAL_LABEL = "openssf best practices";
    /** The OSPS Baseline version our catalogue follows, which upstream puts in its badge's label. */
    public static final String BASELINE_VERSION = "v2026.02.19";
    public static final String BASELINE_LABEL = "openssf baseline " + BASELINE_VERSION;
    public static final String NOT_EVALUATED = "not evaluated";
    static final String GREY = "#9f9f9f";

    private Badges() {
    }

    /** The two series a badge can show. */
    public enum Series {
        METAL, BASELINE
    }

    public static Badge of(AssessmentView view, Series series) {
        return series == Series.METAL ? metal(view.badge()) : baseline(view.baseline_badge());
    }

    public static Badge notEvaluated(Series series) {
        return new Badge(series == Series.METAL ? METAL_LABEL : BASELINE_LABEL, NOT_EVALUATED, GREY);
    }

    static Badge metal(AssessmentView.Badge badge) {
        return switch (badge.level()) {
            case "passing" -> new Badge(METAL_LABEL, "passing", "#4c1");
            case "silver" -> new Badge(METAL_LABEL, "silver", "#c0c0c0");
            case "gold" -> new Badge(METAL_LABEL, "gold", "#ffd700");
            default -> {
                int percentage = clamp(badge.tiered_percentage());
                yield new Badge(METAL_LABEL, "in progress " + percentage + "%", inProgressColor(percentage));
            }
        };
    }

    static Badge baseline(AssessmentView.Badge badge) {
        return switch (badge.level()) {
            case "baseline-1" -> new Badge(BASELINE_LABEL, "1", "#007ec6");
            case "baseline-2" -> new Badge(BASELINE_LABEL, "2", "#0066a1");
            case "baseline-3" -> new Badge(BASELINE_LABEL, "3", "#004b87");
            default -> new Badge(BASELINE_LABEL, "\uD83D\uDEA7 " + clamp(badge.tiered_percentage()) + "%", "#c45500");
        };
    }

    /** Upstream's in-progress colours: #ca3f10 at 0 %, #cac910 at 99 %, the green channel moving evenly between. */
    static String inProgressColor(int percentage) {
        int green = (int) Math.round(0x3f + (0xc9 - 0x3f) * percentage / 99.0);
        return String.format("#ca%02x10", green);
    }

    /** Below the first level the tiered percentage is that level's percentage, at most 99. */
    private static int clamp(int percentage) {
        return Math.max(0, Math.min(99, percentage));
    }
}
