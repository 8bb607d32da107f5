package dev.bpkeeper.criteria;

import java.util.List;
import java.util.Optional;

/**
 * One criterion of the catalogue (criteria/metal/*.yml or criteria/baseline/*.yml).
 *
 * @param id upstream's field prefix, e.g. "contribution" or "osps_ac_01_01"
 * @param ospsId the OSPS Baseline control id for baseline criteria, e.g. "OSPS-AC-01.01"
 * @param url the official criterion text on bestpractices.dev
 * @param evaluator the name of the evaluator that answers it, if any
 */
public record Criterion(
        String id,
        Series series,
        Optional<String> ospsId,
        String section,
        String description,
        String url,
        List<Requirement> requirements,
        Automation automation,
        Optional<String> evaluator,
        Remediation remediation) {

    public Criterion {
        requirements = List.copyOf(requirements);
    }

    public Optional<Requirement> at(Level level) {
        return requirements.stream().filter(r -> r.level() == level).findFirst();
    }

    /** The name bestpractices.dev uses for this criterion's fields ("OSPS-AC-01.01" for baseline ones). */
    public String displayId() {
        return ospsId.orElse(id);
    }
}
