package io.fasttrack.flow.testing;

import static io.restassured.RestAssured.given;

import java.util.Arrays;

/** Reads series from the service's {@code /q/metrics} (Prometheus text format), as an operator's scraper would. */
public final class PrometheusScrape {

    private PrometheusScrape() {
    }

    /** The whole scrape. */
    public static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sum of every series of {@code name} whose labels contain each of {@code labels} (e.g.
     * {@code topic="fasttrack.requests"}), 0 when there is none.
     */
    public static double value(String name, String... labels) {
        return sumOf(scrape(), name, labels);
    }

    /** The same sum, over a scrape read elsewhere (a service running as a process of its own). */
    public static double sumOf(String scrape, String name, String... labels) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(PrometheusScrape::sampleValue)
                .sum();
    }

    /**
     * The value of one sample line: the number after the labels, before any exemplar ({@code # {trace_id=...} 1.0
     * 1.7e9}, which Micrometer adds once tracing is on) or timestamp.
     */
    public static double sampleValue(String line) {
        int labelsEnd = line.lastIndexOf('}', line.contains(" # ") ? line.indexOf(" # ") : line.length());
        String rest = line.substring(labelsEnd < 0 ? line.indexOf(' ') : labelsEnd + 1).trim();
        return Double.parseDouble(rest.split(" ")[0]);
    }

    /** Whether a series of {@code name} with each of {@code labels} is on the scrape. */
    public static boolean present(String name, String... labels) {
        return scrape().lines()
                .filter(line -> line.startsWith(name + "{"))
                .anyMatch(line -> Arrays.stream(labels).allMatch(line::contains));
    }
}
