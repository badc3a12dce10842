package io.measured.internal.rest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A buffer of UTF-8 bytes in front of a stream, for the text expositions: numbers and escaped
 * label values are written as bytes straight into it, so writing a line allocates nothing. Holds
 * its fixed buffer only, whatever is written. Confined to the
 * thread writing one response.
 */
final class Utf8Output {

    private static final int SIZE = 8192;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final OutputStream out;
    private final byte[] buffer = new byte[SIZE];
    private int position;

    Utf8Output(OutputStream out) {
        this.out = out;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    void write(byte[] bytes) throws IOException {
        write(bytes, bytes.length);
    }

    /** The first {@code length} bytes of {@code bytes}. */
    void write(byte[] bytes, int length) throws IOException {
        if (length > SIZE - position) {
            flush();
            if (length > SIZE) {
                out.write(bytes, 0, length);
                return;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, length);
        position += length;
    }

    void write(char ascii) throws IOException {
        room(1);
        buffer[position++] = (byte) ascii;
    }

    void write(String ascii) throws IOException {
        for (int i = 0; i < ascii.length(); i++) {
            write(ascii.charAt(i));
        }
    }

    /** A long in decimal. */
    void decimal(long value) throws IOException {
        room(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                write(Long.toString(value));
                return;
            }
            buffer[position++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = position + digits - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        position += digits;
    }

    /**
     * Nanoseconds ({@code >= 0}) as seconds in plain decimal, exact, with at least one fraction
     * digit and no trailing zeros beyond it: 26500000 as {@code 0.0265}, 3000000000 as {@code 3.0}.
     */
    void seconds(long nanos) throws IOException {
        decimal(nanos / NANOS_PER_SECOND);
        long fraction = nanos % NANOS_PER_SECOND;
        write('.');
        if (fraction == 0) {
            write('0');
            return;
        }
        int digits = 9;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        room(9);
        for (int i = position + digits - 1; i >= position; i--) {
            buffer[i] = (byte) ('0' + fraction % 10);
            fraction /= 10;
        }
        position += digits;
    }

    /** The most bytes {@link #escape} writes for a value of {@code chars} chars. */
    static int escapedLength(int chars) {
        return chars * 3;
    }

    /**
     * Encodes a label value as UTF-8 into {@code target} from {@code at}, escaping backslash, double
     * quote and line feed as both text formats require; an unpaired surrogate becomes {@code ?}, as
     * the JDK's encoder makes it. The target must have {@link #escapedLength} bytes of room.
     *
     * @return the index after the last byte written
     */
    static int escape(String value, byte[] target, int at) {
        int p = at;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c == '\\' || c == '"' || c == '\n') {
                    target[p++] = '\\';
                    c = c == '\n' ? 'n' : c;
                }
                target[p++] = (byte) c;
            } else if (c < 0x800) {
                target[p++] = (byte) (0xC0 | c >> 6);
                target[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int code = Character.toCodePoint(c, value.charAt(++i));
                target[p++] = (byte) (0xF0 | code >> 18);
                target[p++] = (byte) (0x80 | code >> 12 & 0x3F);
                target[p++] = (byte) (0x80 | code >> 6 & 0x3F);
                target[p++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                target[p++] = '?';
            } else {
                target[p++] = (byte) (0xE0 | c >> 12);
                target[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                target[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return p;
    }

    /** Hands the buffered bytes to the stream. */
    void flush() throws IOException {
        if (position > 0) {
            out.write(buffer, 0, position);
            position = 0;
        }
    }

    private void room(int bytes) throws IOException {
        if (SIZE - position < bytes) {
            flush();
        }
    }
}
