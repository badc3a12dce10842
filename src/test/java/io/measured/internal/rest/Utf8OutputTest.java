package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The byte-level writing checked against the JDK's own formatting and encoding. */
class Utf8OutputTest {

    @FunctionalInterface
    private interface Writing {
        void to(Utf8Output out) throws IOException;
    }

    private static String written(Writing writing) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(bytes);
        writing.to(out);
        out.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Property(tries = 500)
    void decimalsAreLongToString(@ForAll long value) throws IOException {
        assertThat(written(out -> out.decimal(value))).isEqualTo(Long.toString(value));
    }

    @Property(tries = 500)
    void secondsAreTheExactPlainDecimal(@ForAll @LongRange(min = 0) long nanos) throws IOException {
        String plain = BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString();
        assertThat(written(out -> out.seconds(nanos))).isEqualTo(plain.contains(".") ? plain : plain + ".0");
    }

    /** Any text, unpaired surrogates included, encodes as the JDK encodes it after escaping. */
    @Property(tries = 1000)
    void labelsAreEscapedUtf8(@ForAll String value) {
        String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        byte[] target = new byte[1 + Utf8Output.escapedLength(value.length())];
        int end = Utf8Output.escape(value, target, 1);
        assertThat(new String(target, 1, end - 1, StandardCharsets.UTF_8))
                .isEqualTo(new String(escaped.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertThat(end - 1).isEqualTo(escaped.getBytes(StandardCharsets.UTF_8).length);
    }

    @Property(tries = 50)
    void writesLongerThanTheBufferPassWhole(@ForAll("lengths") int length) throws IOException {
        byte[] big = "x".repeat(length).getBytes(StandardCharsets.US_ASCII);
        assertThat(written(out -> {
            out.write('<');
            out.write(big);
            out.write('>');
        })).hasSize(length + 2).startsWith("<x").endsWith("x>");
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> lengths() {
        return net.jqwik.api.Arbitraries.integers().between(8_000, 40_000);
    }
}
