package io.measured.demo;

/** A deterministic byte sequence (xorshift), so a client can check a download without storing it. */
public final class DemoBytes {

    private long state = 0x9E3779B97F4A7C15L;

    public void fill(byte[] target, int length) {
        for (int i = 0; i < length; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            target[i] = (byte) state;
        }
    }
}
