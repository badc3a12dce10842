package io.measured.internal.rest;

import java.nio.charset.StandardCharsets;

/**
 * An endpoint's answer before it becomes HTTP: a status and either a value for JSON-B, or a body
 * in another format written by the library, or no body.
 *
 * @param status the HTTP status
 * @param json the value JSON-B writes, or null
 * @param contentType the Content-Type of {@code content}; null for JSON or no body
 * @param content the body in a format other than JSON, or null
 */
record Reply(int status, Object json, String contentType, ResponseBody.Content content) {

    static Reply ok(Object json) {
        return new Reply(200, json, null, null);
    }

    static Reply noContent() {
        return new Reply(204, null, null, null);
    }

    /** A body written as it is made, such as an exposition. */
    static Reply streamed(String contentType, ResponseBody.Content content) {
        return new Reply(200, null, contentType, content);
    }

    /** A small fixed text, such as the dashboard's page. */
    static Reply text(String contentType, String text) {
        return streamed(contentType, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Reply error(int status, String message) {
        return new Reply(status, new Views.ErrorView(message), null, null);
    }

    /** The body to send in {@code coding}, JSON written by {@code json}; null when there is none. */
    ResponseBody body(JsonRenderer renderer, ContentCoding coding) {
        if (json != null) {
            return new ResponseBody(out -> renderer.write(json, out), coding);
        }
        return content == null ? null : new ResponseBody(content, coding);
    }

    boolean isJson() {
        return json != null;
    }

    boolean hasBody() {
        return json != null || content != null;
    }
}
