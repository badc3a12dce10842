package io.measured.internal.rest;

/** A request parameter or body the endpoint refuses; its message names the parameter and the value. */
final class BadRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message, null, false, false);
    }
}
