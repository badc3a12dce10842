package io.measured.internal.buffer;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The sampling rate of each operation type, by the type's ordinal; readable and writable from any
 * thread. Rates are checked by the caller (see {@link #checkRate}), which can name the type.
 */
public final class SamplingRates {

    private final AtomicLongArray rateBits;

    /** @param rates per type ordinal, each within {@code 0.0 .. 1.0}; copied */
    public SamplingRates(double[] rates) {
        rateBits = new AtomicLongArray(rates.length);
        for (int type = 0; type < rates.length; type++) {
            set(type, rates[type]);
        }
    }

    /** Returns the rate of a type, in [0, 1]. */
    public double get(int type) {
        return Double.longBitsToDouble(rateBits.get(type));
    }

    /** Sets the rate of a type; {@code rate} is within [0, 1], checked by the caller. */
    public void set(int type, double rate) {
        rateBits.set(type, Double.doubleToLongBits(rate));
    }

    /** Throws {@link IllegalArgumentException} naming {@code what} if the rate is outside [0, 1]. */
    public static void checkRate(String what, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(what + " must be within 0.0 .. 1.0, was " + rate);
        }
    }
}
