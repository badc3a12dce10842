package io.measured.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExcludedPathsTest {

    private static final List<String> PREFIXES = List.of("/health", "/static/");

    @Test
    @DisplayName("prefixes cover whole segments: a prefix ending in / covers what lies below it only")
    void prefixesAreWholeSegments() {
        assertThat(ExcludedPaths.covered("/health", PREFIXES)).isTrue();
        assertThat(ExcludedPaths.covered("/health/", PREFIXES)).isTrue();
        assertThat(ExcludedPaths.covered("/health/live", PREFIXES)).isTrue();
        assertThat(ExcludedPaths.covered("/healthy", PREFIXES)).isFalse();
        assertThat(ExcludedPaths.covered("/static/app.css", PREFIXES)).isTrue();
        assertThat(ExcludedPaths.covered("/static", PREFIXES)).isFalse();
        assertThat(ExcludedPaths.covered("/api/notes", PREFIXES)).isFalse();
    }

    /** A request as a Servlet 6 container resolves it: the raw URI, and the decoded servlet path and path info. */
    @ParameterizedTest(name = "{0} (resolved {2} + {3}) excluded: {4}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
        "/health | '' | /health | null | true",
        "/health;jsessionid=1 | '' | /health | null | true",
        "/%68ealth | '' | /health | null | true",
        "/health/live;x=1 | '' | /health | /live | true",
        "//health | '' | /health | null | true",
        "/static/app.css | '' | /static/app.css | null | true",
        "/demo/health | /demo | /health | null | true",
        "/demo;v=1/health | /demo;v=1 | /health | null | true",
        "/demo/%68ealth | /demo | /health | null | true",
        "/static/../api/notes | '' | /api | /notes | false",
        "/static/%2e%2e/api/notes | '' | /api | /notes | false",
        "/static/%2e%2e/api/notes | '' | /static/%2e%2e/api/notes | null | false",
        "/static/..;/api/notes | '' | /api | /notes | false",
        "/static%2F..%2Fapi/notes | '' | /static/../api/notes | null | false",
        "/static//../api/notes | '' | /api | /notes | false",
        "/static/%252e%252e/api/notes | '' | /static/%2e%2e/api/notes | null | true",
        "/health%FF | '' | /health\u00ff | null | false",
        "/healthy | '' | /healthy | null | false",
        "/api/notes | '' | /api | /notes | false",
        "/other/health | /other | /health | null | true",
        "/demo/../other/health | /demo | /health | null | false",
        "/health | '' | /api | /notes | false",
        "/api/notes | '' | /health | null | false"})
    void excludesOnlyWhenTheCanonicalUriAndTheContainersPathAgree(String uri, String context, String servletPath,
            String pathInfo, boolean excluded) {
        assertThat(ExcludedPaths.excluded(uri, context, servletPath, pathInfo, PREFIXES)).isEqualTo(excluded);
    }

    /** A request only JAX-RS saw (Quarkus REST): its raw path is the one view. */
    @ParameterizedTest(name = "{0} excluded: {1}")
    @CsvSource(delimiter = '|', value = {
        "/health | true",
        "/health;jsessionid=1 | true",
        "/%68ealth/live | true",
        "/static/app.css | true",
        "/healthy | false",
        "/static/../api/notes | false",
        "/static/%2e%2e/api/notes | false",
        "/static%2F..%2Fapi/notes | false",
        "/health%FF | false",
        "/api/notes | false"})
    void aRawPathAloneIsExcludedByItsCanonicalForm(String rawPath, boolean excluded) {
        assertThat(ExcludedPaths.excluded(rawPath, PREFIXES)).isEqualTo(excluded);
    }

    @Test
    @DisplayName("the path within the application is the canonical URI less the canonical context path")
    void pathWithinTheApplication() {
        assertThat(ExcludedPaths.withinApplication("/demo/a/../b", "/demo")).contains("/b");
        assertThat(ExcludedPaths.withinApplication("/demo", "/demo")).contains("/");
        assertThat(ExcludedPaths.withinApplication("/a/b", "")).contains("/a/b");
        assertThat(ExcludedPaths.withinApplication("/a/b", "/")).contains("/a/b");
        assertThat(ExcludedPaths.withinApplication("/demo/../x", "/demo")).isEmpty();
        assertThat(ExcludedPaths.withinApplication("/demonstration/x", "/demo")).isEmpty();
        assertThat(ExcludedPaths.withinApplication("/demo/x", "/de%mo")).isEmpty();
        assertThat(ExcludedPaths.withinApplication(null, "")).isEmpty();
        assertThat(ExcludedPaths.withinApplication("/x", null)).isEmpty();
    }

    @Test
    @DisplayName("no prefixes: nothing is excluded, whatever the path")
    void noPrefixesNoExclusion() {
        assertThat(ExcludedPaths.excluded("/health", "", "/health", null, List.of())).isFalse();
    }
}
