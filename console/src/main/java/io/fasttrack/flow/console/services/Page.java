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

    public int previous() {
        return page - 1;
    }

    public int next() {
        return page + 1;
    }

    /** This page's number as people count, from 1. */
    public int number() {
        return page + 1;
    }

    public long pages() {
        return total == 0 ? 1 : (total - 1) / size + 1;
    }
}
