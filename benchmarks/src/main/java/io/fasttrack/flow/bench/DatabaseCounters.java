package io.fasttrack.flow.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/**
 * The SQL statements and database transactions each service has run so far, read off its {@code /q/metrics}
 * (Prometheus text: {@code fasttrack_sql_statements_total}, {@code fasttrack_db_transactions_total}), so that a
 * phase can say what one request costs the databases, service by service.
 */
final class DatabaseCounters {

    static final String STATEMENTS = "fasttrack_sql_statements_total";
    static final String TRANSACTIONS = "fasttrack_db_transactions_total";

    /** One service's counters at one moment (or the difference of two moments, or that per request). */
    record Reading(double statements, double transactions) {
    }

    /** The work of a phase per request: per service, in the order the services were named, and summed. */
    record PerRequest(Map<String, Reading> services, Reading total) {

        /** {@code sql statements/request 11.2 (intake 3.1, ...), transactions/request 2.3 (intake 1.0, ...)}. */
        String describe() {
            if (services.isEmpty()) {
                return "no SQL counters on the services' /q/metrics";
            }
            return "sql statements/request " + fmt(total.statements()) + " (" + each(Reading::statements)
                    + "), transactions/request " + fmt(total.transactions()) + " (" + each(Reading::transactions) + ")";
        }

        private String each(ToDoubleFunction<Reading> figure) {
            StringJoiner joined = new StringJoiner(", ");
            services.forEach((name, reading) -> joined.add(name + " " + fmt(figure.applyAsDouble(reading))));
            return joined.toString();
        }
    }

    private static final Duration SCRAPE_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client;
    /** "Bearer <token>": the metrics are for authenticated callers only. */
    private final String authorization;
    /** Short service name to base URL, in the order the figures are printed. */
    private final Map<String, String> services;

    DatabaseCounters(HttpClient client, String authorization, Map<String, String> services) {
        this.client = client;
        this.authorization = authorization;
        this.services = services;
    }

    /** Every service's counters now; a service that does not answer, or shows neither counter, is left out. */
    Map<String, Reading> read() {
        Map<String, Reading> readings = new LinkedHashMap<>();
        services.forEach((name, base) -> scrape(base).flatMap(DatabaseCounters::parse)
                .ifPresent(reading -> readings.put(name, reading)));
        return readings;
    }

    private Optional<String> scrape(String base) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics"))
                    .header("Authorization", authorization).timeout(SCRAPE_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException notAnswering) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Both counters of one scrape, each summed over its series; empty when the scrape has neither. */
    static Optional<Reading> parse(String scrape) {
        double statements = 0;
        double transactions = 0;
        boolean found = false;
        for (String line : scrape.split("\n")) {
            String series = seriesName(line);
            if (STATEMENTS.equals(series)) {
                statements += sampleValue(line);
                found = true;
            } else if (TRANSACTIONS.equals(series)) {
                transactions += sampleValue(line);
                found = true;
            }
        }
        return found ? Optional.of(new Reading(statements, transactions)) : Optional.empty();
    }

    /** The metric name of a sample line (up to its labels or its value); null for comments and blank lines. */
    private static String seriesName(String line) {
        if (line.isBlank() || line.startsWith("#")) {
            return null;
        }
        int end = 0;
        while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
            end++;
        }
        return line.substring(0, end);
    }

    /** The number after the labels, before any exemplar ({@code # {trace_id=...} 1.0}) or timestamp. */
    private static double sampleValue(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        int labelsEnd = sample.lastIndexOf('}');
        String rest = sample.substring(labelsEnd < 0 ? sample.indexOf(' ') : labelsEnd + 1).trim();
        return Double.parseDouble(rest.split(" ")[0]);
    }

    /**
     * What each service ran between two readings, divided by the requests of the phase. A service missing from
     * either reading, or whose counters went back (it restarted in between), is left out rather than guessed.
     */
    static PerRequest perRequest(Map<String, Reading> before, Map<String, Reading> after, long requests) {
        Map<String, Reading> perService = new LinkedHashMap<>();
        if (requests <= 0) {
            return new PerRequest(perService, new Reading(0, 0));
        }
        double statements = 0;
        double transactions = 0;
        for (Map.Entry<String, Reading> end : after.entrySet()) {
            Reading start = before.get(end.getKey());
            if (start == null) {
                continue;
            }
            double ranStatements = end.getValue().statements() - start.statements();
            double ranTransactions = end.getValue().transactions() - start.transactions();
            if (ranStatements < 0 || ranTransactions < 0) {
                continue;
            }
            perService.put(end.getKey(), new Reading(ranStatements / requests, ranTransactions / requests));
            statements += ranStatements;
            transactions += ranTransactions;
        }
        return new PerRequest(perService, new Reading(statements / requests, transactions / requests));
    }

    /**
     * The work per request over the repeats of a phase: per service and in total, the median of each figure over
     * the repeats that have it (so the total need not be the sum of the services' medians).
     */
    static PerRequest median(List<PerRequest> repeats) {
        Map<String, List<Reading>> byService = new LinkedHashMap<>();
        List<Reading> totals = new ArrayList<>();
        for (PerRequest work : repeats) {
            if (work.services().isEmpty()) {
                continue;
            }
            work.services().forEach((name, reading) -> byService.computeIfAbsent(name, n -> new ArrayList<>()).add(reading));
            totals.add(work.total());
        }
        Map<String, Reading> services = new LinkedHashMap<>();
        byService.forEach((name, readings) -> services.put(name, medianOf(readings)));
        return new PerRequest(services, totals.isEmpty() ? new Reading(0, 0) : medianOf(totals));
    }

    private static Reading medianOf(List<Reading> readings) {
        List<Double> statements = new ArrayList<>();
        List<Double> transactions = new ArrayList<>();
        readings.forEach(reading -> {
            statements.add(reading.statements());
            transactions.add(reading.transactions());
        });
        return new Reading(Stats.median(statements), Stats.median(transactions));
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
