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

    /** The status a label names ("Met", "N/A" ...), as stored results and .bestpractices.json spell it. */
    public static Status fromLabel(String label) {
        for (Status status : values()) {
            if (status.label.equals(label)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Not a status: " + label);
    }
}
