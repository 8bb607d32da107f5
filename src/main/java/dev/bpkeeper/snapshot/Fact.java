package dev.bpkeeper.snapshot;

import java.util.Objects;
import java.util.function.Function;

/**
 * Something the gatherer tried to learn about a repository. It is either known, or unknown with the reason
 * (no permission, not asked because no evaluator needed it, a local checkout cannot tell, ...), so that an
 * evaluator never mistakes "could not look" for "is not there".
 */
public final class Fact<T> {
    private final T value;
    private final String unknownReason;

    private Fact(T value, String unknownReason) {
        this.value = value;
        this.unknownReason = unknownReason;
    }

    public static <T> Fact<T> known(T value) {
        return new Fact<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Fact<T> unknown(String reason) {
        return new Fact<>(null, Objects.requireNonNull(reason, "reason"));
    }

    public boolean isKnown() {
        return unknownReason == null;
    }

    public T value() {
        if (!isKnown()) {
            throw new IllegalStateException("Fact is unknown: " + unknownReason);
        }
        return value;
    }

    public T orElse(T fallback) {
        return isKnown() ? value : fallback;
    }

    public String unknownReason() {
        return unknownReason;
    }

    public <R> Fact<R> map(Function<? super T, ? extends R> mapper) {
        return isKnown() ? Fact.known(mapper.apply(value)) : Fact.unknown(unknownReason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fact<?> other && Objects.equals(value, other.value)
                && Objects.equals(unknownReason, other.unknownReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, unknownReason);
    }

    @Override
    public String toString() {
        return isKnown() ? "known(" + value + ")" : "unknown(" + unknownReason + ")";
    }
}
