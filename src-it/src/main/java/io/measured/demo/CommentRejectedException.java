package io.measured.demo;

import jakarta.ejb.ApplicationException;

/** Rejects a set of comments; the transaction that wrote them rolls back. */
@ApplicationException(rollback = true)
public class CommentRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CommentRejectedException(String message) {
        super(message);
    }
}
