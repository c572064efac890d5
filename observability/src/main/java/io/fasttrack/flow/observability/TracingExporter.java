package io.fasttrack.flow.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where finished spans go, chosen at run time by {@code fasttrack.tracing.exporter} ({@code FASTTRACK_TRACING_EXPORTER}):
 * <ul>
 *   <li>{@code none} (the default): nowhere. Trace context still propagates through HTTP and the Kafka headers
 *       ({@code traceparent}), so a collector is optional;</li>
 *   <li>{@code logging}: one log line per span (trace id, span id, parent, name, duration) under the category
 *       {@code fasttrack.tracing};</li>
 *   <li>{@code otlp}: this bean steps aside and Quarkus' own OTLP exporter sends the spans to
 *       {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} (default {@code http://localhost:4317}).</li>
 * </ul>
 * Quarkus installs its OTLP exporter only when no {@link SpanExporter} bean can be looked up, which is what
 * {@link LookupUnlessProperty} decides at run time. A {@link Singleton} created at startup: the span processor's
 * own thread, which first calls it, cannot read the configuration.
 */
@Singleton
@Startup
@LookupUnlessProperty(name = "fasttrack.tracing.exporter", stringValue = "otlp", lookupIfMissing = true)
public class TracingExporter implements SpanExporter {

    private static final Logger LOG = Logger.getLogger("fasttrack.tracing");

    private final boolean logging;

    TracingExporter(@ConfigProperty(name = "fasttrack.tracing.exporter", defaultValue = "none") String exporter) {
        this.logging = "logging".equals(exporter.trim().toLowerCase(Locale.ROOT));
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        if (logging) {
            for (SpanData span : spans) {
                LOG.infof("trace=%s span=%s parent=%s kind=%s name=\"%s\" duration=%dus", span.getTraceId(), span.getSpanId(),
                        span.getParentSpanId(), span.getKind(), span.getName(),
                        (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1000);
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
