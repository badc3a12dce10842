package io.measured.internal.jdbc;

/** Builds sanitized SQL text. Not thread-safe: one per text. */
final class SqlTextBuilder implements SqlSink {

    private final StringBuilder text;

    /** @param rawLength the length of the raw text: the sanitized text is rarely longer */
    SqlTextBuilder(int rawLength) {
        this.text = new StringBuilder(Math.min(rawLength, 4_096));
    }

    @Override
    public int put(int at, char c) {
        if (at < 0) {
            return FAILED;
        }
        text.append(c);
        return at + 1;
    }

    @Override
    public int put(int at, String from, int start, int end) {
        if (at < 0) {
            return FAILED;
        }
        text.append(from, start, end);
        return at + end - start;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
