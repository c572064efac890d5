package io.fasttrack.flow.events;

/**
 * The payload of an event. Every implementation is registered in {@link EventType}, which gives it
 * its wire name, schema version and topic.
 */
public interface EventData {

    /** The Kafka key of the event: the customer for request, engagement and health topics, the architect for the roster. */
    String subject();
}
