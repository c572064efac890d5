package io.fasttrack.flow.console.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import io.fasttrack.flow.console.views.Shares;
import io.quarkus.qute.TemplateExtension;

/** How the pages write times, shares and names: {@code {fmt:time(x)}} and the like, each taking a missing value. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    static final String NONE = "—";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant);
    }

    static String date(LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    /** A share of 1 as a whole percentage: 0.4937 is "49 %". */
    static String percent(BigDecimal share) {
        return Shares.percent(share);
    }

    /** A share of 1 as a CSS width, at most the whole: a meter never overflows its track. */
    static String width(BigDecimal share) {
        if (share == null) {
            return "0%";
        }
        return share.min(BigDecimal.ONE).max(BigDecimal.ZERO).movePointRight(2).setScale(0, RoundingMode.HALF_UP) + "%";
    }

    static String hours(BigDecimal hours) {
        return hours == null ? NONE : hours.setScale(1, RoundingMode.HALF_UP) + " h";
    }

    /** How long ago, in the largest unit that fits: "3 d", "5 h", "12 min". */
    static String ago(Instant instant) {
        if (instant == null) {
            return NONE;
        }
        Duration elapsed = Duration.between(instant, Instant.now());
        if (elapsed.toDays() > 0) {
            return elapsed.toDays() + " d ago";
        }
        if (elapsed.toHours() > 0) {
            return elapsed.toHours() + " h ago";
        }
        return Math.max(0, elapsed.toMinutes()) + " min ago";
    }

    /** An enum constant as words: DISCOVERY_WORKSHOP is "Discovery workshop". */
    static String words(String constant) {
        if (constant == null || constant.isEmpty()) {
            return NONE;
        }
        String spaced = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** An architect role as FastTrack writes it. */
    static String role(String role) {
        if (role == null) {
            return NONE;
        }
        return switch (role) {
            case "ALIGNMENT_FTA" -> "Alignment FTA";
            case "GET_MODERN_FTA" -> "Get Modern FTA";
            case "FTCHELP" -> "FTC Help";
            default -> words(role);
        };
    }

    /** The CSS class that colours a health category the same on every chart. */
    static String categoryClass(String category) {
        return category == null ? "" : "category-" + category.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A yes-or-no value of a decision's candidate, a dash where the balancer never compared it (excluded). */
    static String yesNo(Boolean value) {
        return value == null ? NONE : value ? "yes" : "no";
    }

    static String orNone(Object value) {
        return value == null ? NONE : value.toString();
    }
}
