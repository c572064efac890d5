package io.fasttrack.flow.console.pages;

import io.quarkus.qute.TemplateGlobal;

/** The files every page loads, as {@code {Assets:HTMX}}... */
@TemplateGlobal
public final class Assets {

    /** From the htmx.org webjar, whose version console/pom.xml fixes. */
    static final String HTMX = "/webjars/htmx.org/2.0.8/dist/htmx.min.js";

    private Assets() {
    }
}
