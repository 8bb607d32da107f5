package dev.bpkeeper.criteria;

import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every criterion, and the order in which each level shows them. */
public final class Catalogue {
    private final Map<String, Criterion> byId;
    private final Map<Level, List<Criterion>> byLevel;

    public Catalogue(Map<String, Criterion> byId, Map<Level, List<String>> order) {
        this.byId = new LinkedHashMap<>(byId);
        this.byLevel = new EnumMap<>(Level.class);
        order.forEach((level, ids) -> byLevel.put(level, ids.stream().map(id -> {
            Criterion c = byId.get(id);
            if (c == null) {
                throw new IllegalArgumentException("Level " + level.key() + " lists unknown criterion " + id);
            }
            if (c.at(level).isEmpty()) {
                throw new IllegalArgumentException("Level " + level.key() + " lists " + id
                        + " but its file does not name that level");
            }
            return c;
        }).toList()));
    }

    public Optional<Criterion> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Criterion> all() {
        return byId.values();
    }

    public List<Criterion> at(Level level) {
        return byLevel.getOrDefault(level, List.of());
    }
}
