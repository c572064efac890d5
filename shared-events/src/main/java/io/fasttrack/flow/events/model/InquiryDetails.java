package io.fasttrack.flow.events.model;

public record InquiryDetails(InquiryTopic topic, String impact, String customerType, String deploymentStatus) {
}
