package io.fasttrack.flow.intake;

import io.fasttrack.flow.events.model.RequestType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Request bodies a hostile or broken client may send, for property-based tests of the request parser:
 * complete requests with one part mutated (removed, retyped, oversized, deeply nested, an extra field),
 * arbitrary JSON values, and arbitrary or truncated bytes.
 */
public final class HostileBodies {

    private static final List<String> WORDS = List.of("DISCOVERY_WORKSHOP", "ECIF_DWR_REVIEW", "MIGRATION_EXCEPTION",
            "LAND_FTC_BENEFIT", "SALES_SUPPORT_INQUIRY", "ENGAGE_BEFORE_LICENSE", "EMEA", "AMER", "APAC", "S500",
            "S1500", "OTHER", "TEAMS", "EXCHANGE", "SOW", "STAFFING_PLAN", "COST_BREAKDOWN", "ELIGIBILITY",
            "Europe/Berlin", "Mars/Olympus", "", " ", "seller@example.com", "https://files.example.com/a.pdf",
            "javascript:alert(1)", "\u0000", "\uD83D\uDE00", "'; drop table request;--");

    private HostileBodies() {
    }

    /** Any of the kinds below, as the bytes of a POST body. */
    public static Arbitrary<byte[]> bodies() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, mutatedRequests().map(HostileBodies::bytes)),
                net.jqwik.api.Tuple.of(2, jsonValues().map(HostileBodies::bytes)),
                net.jqwik.api.Tuple.of(1, truncatedRequests()),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                net.jqwik.api.Tuple.of(1, deepNesting()));
    }

    /** A complete request of some type with one part changed. */
    public static Arbitrary<Object> mutatedRequests() {
        return Combinators.combine(Arbitraries.of(RequestType.class), Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(Mutation.class), jsonValues(),
                Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20), Arbitraries.strings().ofMinLength(150).ofMaxLength(400)))
                .as((type, position, mutation, value, extraName) -> {
                    Map<String, Object> body = SampleRequests.copy(SampleRequests.minimal(type, "tenant-fuzz"));
                    mutate(body, position, mutation, value, extraName);
                    return body;
                });
    }

    /** Any JSON value: strings (some huge), numbers (some beyond long and double), booleans, null, arrays, objects. */
    public static Arbitrary<Object> jsonValues() {
        Arbitrary<Object> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
                Arbitraries.of(WORDS).map(Object.class::cast),
                Arbitraries.integers().between(10_000, 300_000).map(length -> (Object) "x".repeat(length)),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(new BigInteger("1" + "0".repeat(40)), new BigDecimal("1e400"), new BigDecimal("-1e-400"),
                        BigDecimal.ZERO, new BigDecimal("0.001")).map(Object.class::cast),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(Object.class::cast),
                Arbitraries.just(null));
        return Arbitraries.recursive(() -> leaves,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(Object.class::cast),
                        Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(WORDS), Arbitraries.strings().ofMaxLength(10),
                                        Arbitraries.strings().ofMinLength(150).ofMaxLength(400)),
                                inner).ofMaxSize(4).map(Object.class::cast),
                        Arbitraries.integers().between(101, 2_000).map(n -> (Object) new ArrayList<>(java.util.Collections.nCopies(n, "TEAMS")))),
                0, 4);
    }

    private static Arbitrary<byte[]> truncatedRequests() {
        return Combinators.combine(Arbitraries.of(RequestType.class), Arbitraries.doubles().between(0, 1))
                .as((type, share) -> {
                    byte[] whole = bytes(SampleRequests.minimal(type, "tenant-fuzz"));
                    return java.util.Arrays.copyOf(whole, (int) (whole.length * share));
                });
    }

    private static Arbitrary<byte[]> deepNesting() {
        return Combinators.combine(Arbitraries.integers().between(500, 5_000), Arbitraries.of("[", "{\"a\":"))
                .as((depth, opener) -> ("{\"type\":" + opener.repeat(depth) + "1").getBytes(StandardCharsets.UTF_8));
    }

    private enum Mutation { REMOVE, REPLACE, ADD_FIELD }

    @SuppressWarnings("unchecked")
    private static void mutate(Map<String, Object> body, int position, Mutation mutation, Object value, String extraName) {
        List<Map<String, Object>> objects = new ArrayList<>();
        collectObjects(body, objects);
        Map<String, Object> target = objects.get(position % objects.size());
        List<String> keys = new ArrayList<>(target.keySet());
        switch (mutation) {
            case REMOVE -> {
                if (!keys.isEmpty()) {
                    target.remove(keys.get(position % keys.size()));
                }
            }
            case REPLACE -> {
                if (!keys.isEmpty()) {
                    target.put(keys.get(position % keys.size()), value);
                }
            }
            case ADD_FIELD -> target.put(extraName, value);
        }
    }

    @SuppressWarnings("unchecked")
    private static void collectObjects(Object node, List<Map<String, Object>> objects) {
        if (node instanceof Map<?, ?> map) {
            objects.add((Map<String, Object>) map);
            map.values().forEach(child -> collectObjects(child, objects));
        } else if (node instanceof List<?> list) {
            list.forEach(child -> collectObjects(child, objects));
        }
    }

    private static byte[] bytes(Object tree) {
        return SampleRequests.json(tree).getBytes(StandardCharsets.UTF_8);
    }
}
