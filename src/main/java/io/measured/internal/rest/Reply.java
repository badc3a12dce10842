package io.measured.internal.rest;

/**
 * An endpoint's answer before it becomes HTTP: a status and a body for JSON-B, or no body.
 *
 * @param body the value to write as JSON, or null for none
 */
record Reply(int status, Object body) {

    static Reply ok(Object body) {
        return new Reply(200, body);
    }

    static Reply error(int status, String message) {
        return new Reply(status, new Views.ErrorView(message));
    }
}
