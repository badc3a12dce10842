package io.measured.internal.rest;

/**
 * An endpoint's answer before it becomes HTTP.
 *
 * @param body a value for JSON-B when {@code contentType} is null (JSON), else ready text; null for
 *        no body
 * @param contentType the Content-Type of ready text, or null for JSON
 */
record Reply(int status, Object body, String contentType) {

    static Reply ok(Object body) {
        return new Reply(200, body, null);
    }

    static Reply noContent() {
        return new Reply(204, null, null);
    }

    static Reply text(String contentType, String text) {
        return new Reply(200, text, contentType);
    }

    static Reply error(int status, String message) {
        return new Reply(status, new Views.ErrorView(message), null);
    }

    boolean isJson() {
        return contentType == null;
    }
}
