package io.fasttrack.flow.console.services;

import java.util.List;

/** One page of a FastTrack list, as every service answers it. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public long lastPage() {
        return total == 0 ? 0 : (total - 1) / size;
    }
}
