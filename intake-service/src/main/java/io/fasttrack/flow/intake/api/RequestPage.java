package io.fasttrack.flow.intake.api;

import java.util.List;

/** One page of requests: {@code page} is 0-based, {@code total} counts every match. */
public record RequestPage(List<RequestView> items, int page, int size, long total) {
}
