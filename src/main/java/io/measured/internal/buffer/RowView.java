package io.measured.internal.buffer;

/**
 * One row as a read found it, reused from row to row so scanning a ring allocates nothing.
 * Thread-confined: each read has its own.
 */
final class RowView {

    long code;
    Object extra;
    long epochMilli;
    double durationMs;

    void set(long code, Object extra, long epochMilli, double durationMs) {
        this.code = code;
        this.extra = extra;
        this.epochMilli = epochMilli;
        this.durationMs = durationMs;
    }

    int typeOrdinal() {
        return RowCode.typeOrdinal(code);
    }
}
