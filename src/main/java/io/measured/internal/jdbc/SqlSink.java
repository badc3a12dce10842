package io.measured.internal.jdbc;

/**
 * Takes sanitized SQL text piece by piece, at the length it has reached: {@link SqlTextBuilder}
 * builds it; {@link SqlAnalysis} compares it with its own text, so that a raw text is checked against
 * a cached analysis without building anything.
 */
interface SqlSink {

    /** The length returned once a piece differs from the text compared with; passed on, it stays. */
    int FAILED = -1;

    /** Takes {@code c} at length {@code at}; returns the new length, or {@link #FAILED}. */
    int put(int at, char c);

    /** Takes {@code text[from, to)} at length {@code at}; returns the new length, or {@link #FAILED}. */
    int put(int at, String text, int from, int to);
}
