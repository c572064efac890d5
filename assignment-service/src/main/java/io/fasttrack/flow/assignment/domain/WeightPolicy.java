package io.fasttrack.flow.assignment.domain;

import io.fasttrack.flow.events.model.RequestType;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** Units of capacity each request type takes (SPEC section 3, an assumption kept in configuration). */
public final class WeightPolicy {

    private final Map<RequestType, Integer> weights = new EnumMap<>(RequestType.class);

    public WeightPolicy(Map<RequestType, Integer> configured, int defaultWeight) {
        for (RequestType type : RequestType.values()) {
            int weight = configured.getOrDefault(type, defaultWeight);
            if (weight <= 0) {
                throw new IllegalArgumentException("weight of " + type + " must be positive");
            }
            weights.put(type, weight);
        }
    }

    /** The SPEC defaults: DISCOVERY_WORKSHOP 3, ECIF_DWR_REVIEW 2, MIGRATION_EXCEPTION 2, others 1. */
    public static WeightPolicy specDefaults() {
        return new WeightPolicy(Map.of(RequestType.DISCOVERY_WORKSHOP, 3, RequestType.ECIF_DWR_REVIEW, 2,
                RequestType.MIGRATION_EXCEPTION, 2), 1);
    }

    public int weightOf(RequestType type) {
        return weights.get(type);
    }

    public SortedSet<Integer> distinctWeights() {
        return new TreeSet<>(weights.values());
    }
}
