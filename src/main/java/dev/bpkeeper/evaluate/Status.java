package dev.bpkeeper.evaluate;

/** The four answers bestpractices.dev accepts, spelled as its forms and .bestpractices.json spell them. */
public enum Status {
    MET("Met"),
    UNMET("Unmet"),
    NOT_APPLICABLE("N/A"),
    UNKNOWN("?");

    private final String label;

    Status(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
