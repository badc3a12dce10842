package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.internal.config.MapConfig;
import io.measured.internal.config.SettingsReader;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bodies are compressed once: by this writer, or by whoever named a coding before it. */
class ResponseBodyWriterTest {

    private final JsonRenderer json = new JsonRenderer();
    private final MetricsBuffer buffer = new MetricsBuffer(10);
    private final MetricsEndpoint endpoint = new MetricsEndpoint(buffer, SettingsReader.read(new MapConfig(Map.of())));

    @AfterEach
    void close() {
        json.close();
    }

    @Test
    @DisplayName("gzip chosen: the writer names the coding and the body decompresses to the uncompressed text")
    void compressesAndNamesTheCoding() throws BadRequestException {
        buffer.record(OperationType.DATABASE, "NoteRepository.findAll", 2);
        Reply text = endpoint.stats(Map.of(), "text/plain");
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

        byte[] compressed = Rendered.bytes(text, json, ContentCoding.GZIP, headers);

        assertThat(headers.get("Content-Encoding")).containsExactly("gzip");
        assertThat(compressed).startsWith((byte) 0x1f, (byte) 0x8b);
        assertThat(Rendered.gunzip(compressed)).isEqualTo(Rendered.text(text, json))
                .contains("measured_operation_duration_seconds_count{type=\"database\",operation=\"NoteRepository.findAll\"} 1");
    }

    @Test
    @DisplayName("JSON is compressed the same way")
    void compressesJson() throws BadRequestException {
        buffer.record(OperationType.HTTP, "GET /notes", 2);
        Reply operations = endpoint.operations(Map.of("type", List.of("http")));
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        assertThat(Rendered.gunzip(Rendered.bytes(operations, json, ContentCoding.GZIP, headers)))
                .startsWith("[{").contains("\"operation_name\":\"GET /notes\"");
    }

    @Test
    @DisplayName("a coding named before the writer (a JAX-RS encoding filter's) is left to its own interceptor")
    void aCodingAlreadyNamedIsNotAppliedTwice() throws BadRequestException {
        buffer.record(OperationType.DATABASE, "q", 2);
        Reply text = endpoint.stats(Map.of(), "text/plain");
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        headers.putSingle("Content-Encoding", "gzip");

        String written = new String(Rendered.bytes(text, json, ContentCoding.GZIP, headers), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(written).isEqualTo(Rendered.text(text, json));
        assertThat(headers.get("Content-Encoding")).containsExactly("gzip");
    }

    @Test
    void identityIsWrittenAsItIsWithoutACoding() throws BadRequestException {
        Reply text = endpoint.stats(Map.of(), "application/openmetrics-text");
        MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();
        assertThat(new String(Rendered.bytes(text, json, ContentCoding.IDENTITY, headers), java.nio.charset.StandardCharsets.UTF_8))
                .endsWith("# EOF\n");
        assertThat(headers).doesNotContainKey("Content-Encoding");
    }
}
