package io.measured.quarkus;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * For the end-to-end benchmark only: a pre-matching filter that does nothing, built into the
 * "pre-matching floor" build (without the library) alone. Quarkus REST runs any pre-matching filter
 * on the I/O thread with the request context active, which it otherwise activates later or not at
 * all; timing a request from before matching needs such a filter, so this build is what any
 * library that does so costs at least.
 */
@Provider
@PreMatching
@IfBuildProperty(name = "measured-bench.pre-matching-floor", stringValue = "true")
public class PreMatchingFloor implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        // nothing: the cost measured is Quarkus REST's for having a pre-matching filter at all
    }
}
