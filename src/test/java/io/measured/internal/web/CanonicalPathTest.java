package io.measured.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTest {

    @Nested
    @DisplayName("the Servlet 6 specification's example URIs (section 3.5.2)")
    class SpecificationExamples {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "/foo/bar | /foo/bar",
            "/foo/bar;jsessionid=1234 | /foo/bar",
            "/foo/bar/ | /foo/bar/",
            "/foo/bar/;jsessionid=1234 | /foo/bar/",
            "/foo;/bar; | /foo/bar",
            "/foo;/bar;/; | /foo/bar/",
            "/foo/b%25r | /foo/b%r",
            "/foo/./bar | /foo/bar",
            "/foo/././bar | /foo/bar",
            "/./foo/bar | /foo/bar",
            "/foo/bar/. | /foo/bar",
            "/foo/bar/./ | /foo/bar/",
            "/foo/bar/./; | /foo/bar/",
            "/foo/.bar | /foo/.bar",
            "/foo/../bar | /bar",
            "/foo/./../bar | /bar",
            "/foo/bar/.. | /foo",
            "/foo/bar/../ | /foo/",
            "/foo/bar/../; | /foo/",
            "/foo/..bar | /foo/..bar",
            "/foo/.../bar | /foo/.../bar",
            "/foo//bar | /foo/bar",
            "//foo//bar// | /foo/bar/",
            "/foo%E2%82%ACbar | /foo€bar",
            "/foo%20bar | /foo bar",
            "/foo/bar?q | /foo/bar",
            "/foo/bar/?q | /foo/bar/",
            "/foo/bar;?q | /foo/bar",
            "/ | /",
            "// | /",
            "/. | /",
            "/./ | /",
            "/?q | /"})
        void canonicalises(String raw, String canonical) {
            assertThat(CanonicalPath.of(raw)).contains(canonical);
        }

        @ParameterizedTest(name = "{0} is suspicious")
        @ValueSource(strings = {"foo/bar", "/foo%00/bar/", "/foo%7Fbar", "/foo%2Fbar", "/foo%2Fb%25r", "/foo\\bar",
            "/foo%5Cbar", "/foo;%2F/bar", "/foo/%2e/bar", "/foo/.;/bar", "/foo/%2e;/bar", "/foo/.%2Fbar", "/foo/.%5Cbar",
            "/foo/bar/.;", "/foo/../../bar", "/../foo/bar", "/foo/%2e%2E/bar", "/foo/%2e%2e/%2E%2E/bar", "/foo/..;/bar",
            "/foo/%2e%2E;/bar", "/foo/..%2Fbar", "/foo/..%5Cbar", "/foo/bar/..;", "/;/foo;/;/bar/;/;", "/foo/;/../bar",
            "/foo%E2%82", "/foo%E2%82bar", "/foo%-1/bar", "/foo%XX/bar", "/foo%/bar", "/foo/bar%0", "/good%20/bad%/%20mix%",
            "/foo/bar#f", "/foo/bar?q#f", "/foo/bar/#f", "/foo/bar;#f", "/;/", "/..", "/../", "foo/bar/", "./foo/bar/",
            "%2e/foo/bar/", "../foo/bar/", ".%2e/foo/bar/", ";/foo/bar/", "/#f", "#f", "?q", ""})
        void rejects(String raw) {
            assertThat(CanonicalPath.of(raw)).isEmpty();
        }
    }

    @Nested
    @DisplayName("paths a client could use to hide a request or dodge an exclusion")
    class HostilePaths {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', value = {
            "/static/../api/notes | /api/notes",
            "/static/./../api/notes | /api/notes",
            "/health;jsessionid=1 | /health",
            "/health;a=b/live;c=d | /health/live",
            "/%68ealth | /health",
            "/%68EALTH | /hEALTH",
            "/%2e%2e%2e | /...",
            "/static/%252e%252e/api/notes | /static/%2e%2e/api/notes",
            "/%2568ealth | /%68ealth",
            "/health/ | /health/",
            "//health | /health",
            "/caf%c3%a9 | /café",
            "/caf%C3%A9 | /café"})
        void canonicalises(String raw, String canonical) {
            assertThat(CanonicalPath.of(raw)).contains(canonical);
        }

        @ParameterizedTest(name = "{0} is suspicious")
        @ValueSource(strings = {"/static/%2e%2e/api/notes", "/static/%2E%2E/api/notes", "/static/%2e./api/notes",
            "/static/.%2E/api/notes", "/static%2f..%2fapi/notes", "/static%2F..%2Fapi/notes", "/static/..%5capi/notes",
            "/static\\..\\api\\notes", "/static/..;/api/notes", "/static/..;x=1/api/notes", "/static/.;x=1/../api",
            "/static/%2e;/api", "/static//../api/notes", "//static/./../api", "/a//b/../c",
            "/health%00", "/health%0a", "/health%1F", "/health%C2%85", "/health\t", "/health x",
            "/caf%E9", "/caf%C3", "/%C0%AE%C0%AE/api", "/%FF", "/caf\u00e9", "/h%zzealth", "/h%6", "/h%"})
        void rejects(String raw) {
            assertThat(CanonicalPath.of(raw)).isEmpty();
        }
    }

    @Test
    @DisplayName("decoding happens once and accepts either case of hex digits")
    void decodesOnceInEitherCase() {
        assertThat(CanonicalPath.decode("%2e%2E%252e")).isEqualTo("..%2e");
        assertThat(CanonicalPath.decode("a%20b")).isEqualTo("a b");
        assertThat(CanonicalPath.decode("plain")).isEqualTo("plain");
    }
}
