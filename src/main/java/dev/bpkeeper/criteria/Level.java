package dev.bpkeeper.criteria;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A badge level, in the order a project climbs them within its series. */
public enum Level {
    PASSING("passing", Series.METAL, "0"),
    SILVER("silver", Series.METAL, "1"),
    GOLD("gold", Series.METAL, "2"),
    BASELINE_1("baseline-1", Series.BASELINE, "baseline-1"),
    BASELINE_2("baseline-2", Series.BASELINE, "baseline-2"),
    BASELINE_3("baseline-3", Series.BASELINE, "baseline-3");

    private final String key;
    private final Series series;
    private final String urlSection;

    Level(String key, Series series, String urlSection) {
        this.key = key;
        this.series = series;
        this.urlSection = urlSection;
    }

    /** The name used in catalogue files, reports and bestpractices.dev URLs ("passing", "baseline-1"). */
    public String key() {
        return key;
    }

    public Series series() {
        return series;
    }

    /** The section of bestpractices.dev's criteria pages ("0", "1", "2", "baseline-1" ...). */
    public String urlSection() {
        return urlSection;
    }

    public static Optional<Level> fromKey(String key) {
        return Arrays.stream(values()).filter(l -> l.key.equals(key)).findFirst();
    }

    public static List<Level> of(Series series) {
        return Arrays.stream(values()).filter(l -> l.series == series).toList();
    }
}
