package io.measured.internal.stats;

import java.util.Map;

/** Decides from a call's metadata whether it failed, for the cumulative error count. */
public final class Outcomes {

    /** Metadata key of a call's outcome. */
    public static final String OUTCOME = "outcome";
    /** {@link #OUTCOME} value of a call that returned normally. */
    public static final String SUCCESS = "success";
    /** {@link #OUTCOME} value of a call that threw. */
    public static final String ERROR = "error";
    /** {@link #OUTCOME} value of a call that threw an exception of normal flow: a success, not an error. */
    public static final String EXPECTED = "expected";
    /** Metadata key of the class name of the exception a call threw. */
    public static final String EXCEPTION = "exception";
    /** Metadata key of an HTTP response status. */
    public static final String STATUS = "status";
    /**
     * The metadata of every call the interceptor sees return normally. One shared instance, so a
     * buffer recognises it by identity and stores no reference for it.
     */
    public static final Map<String, String> SUCCESS_METADATA = Map.of(OUTCOME, SUCCESS);

    private Outcomes() {
    }

    /**
     * A call failed when its outcome is {@code error}, or when it is an HTTP call ({@code http})
     * with a status of 500 or more.
     */
    public static boolean isError(boolean http, Map<String, String> metadata) {
        if (metadata == null || metadata.isEmpty()) {
            return false;
        }
        if (ERROR.equals(metadata.get(OUTCOME))) {
            return true;
        }
        if (http) {
            String status = metadata.get(STATUS);
            return status != null && status.length() == 3 && status.charAt(0) == '5';
        }
        return false;
    }
}
