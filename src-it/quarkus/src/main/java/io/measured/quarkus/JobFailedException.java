package io.measured.quarkus;

/** A job that failed; its caller answers 500 through no mapper of the application's. */
public class JobFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JobFailedException(String message) {
        super(message);
    }
}
