package io.measured.demo;

/** The note store could not do what was asked; the client gets 503 with the message. */
public class NoteStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoteStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
