package io.fasttrack.flow.assignment.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fasttrack.flow.events.EventCodec;

/** Values the tables keep as JSON text (a decision record, a request snapshot), written as events are. */
public final class StoredJson {

    private StoredJson() {
    }

    public static String write(Object value) {
        try {
            return EventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventCodec.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read stored " + type.getSimpleName(), e);
        }
    }
}
