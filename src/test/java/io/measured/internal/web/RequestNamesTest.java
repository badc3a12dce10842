package io.measured.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.MappingMatch;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestNamesTest {

    /** A mapping as a container reports it: a value object of the Servlet API. */
    private record Mapping(MappingMatch getMappingMatch, String getPattern) implements HttpServletMapping {
        @Override
        public String getMatchValue() {
            return "";
        }

        @Override
        public String getServletName() {
            return "servlet";
        }
    }

    @Test
    void aJaxRsTemplateNamesTheRequestWhateverItsStatus() {
        assertThat(RequestNames.name("GET", "/notes/{id}", 404, null, new Mapping(MappingMatch.PATH, "/api/*")))
                .isEqualTo("GET /notes/{id}");
    }

    @Test
    void anyOther404IsUnmatched() {
        assertThat(RequestNames.name("GET", null, 404, "/missing.xhtml", new Mapping(MappingMatch.EXTENSION, "*.xhtml")))
                .isEqualTo("GET (unmatched)");
        assertThat(RequestNames.name("GET", null, 404, null, new Mapping(MappingMatch.DEFAULT, "/")))
                .isEqualTo("GET (unmatched)");
    }

    @Test
    void aFacesViewNamesItsRequests() {
        assertThat(RequestNames.name("POST", null, 200, "/admin/dashboard.xhtml", new Mapping(MappingMatch.EXTENSION, "*.xhtml")))
                .isEqualTo("POST /admin/dashboard.xhtml");
    }

    @ParameterizedTest
    @CsvSource({"PATH, /download/*, GET /download/*", "EXACT, /status, GET /status", "EXTENSION, *.jsp, GET *.jsp",
        "DEFAULT, /, GET /", "CONTEXT_ROOT, '', GET /"})
    void otherwiseTheServletMappingPattern(MappingMatch match, String pattern, String name) {
        assertThat(RequestNames.name("GET", null, 200, null, new Mapping(match, pattern))).isEqualTo(name);
    }

    @Test
    void anUnknownMappingIsUnmatched() {
        assertThat(RequestNames.name("GET", null, 200, null, null)).isEqualTo("GET (unmatched)");
    }

    @Test
    void excludedPathsArePrefixesOfWholeSegments() {
        List<String> prefixes = List.of("/health", "/static/");
        assertThat(ExcludedPaths.excluded("/health", prefixes)).isTrue();
        assertThat(ExcludedPaths.excluded("/health/live", prefixes)).isTrue();
        assertThat(ExcludedPaths.excluded("/healthy", prefixes)).isFalse();
        assertThat(ExcludedPaths.excluded("/static/app.css", prefixes)).isTrue();
        assertThat(ExcludedPaths.excluded("/api/notes", prefixes)).isFalse();
    }
}
