package io.measured.internal.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The sampling rate of each operation type, by the type's ordinal; readable and writable from any
 * thread. Rates are checked by the caller (see {@link #checkRate}), which can name the type.
 */
public final class SamplingRates {

    /** Through a {@link VarHandle}, whose accessors the JIT inlines at any depth of the recording path. */
    private static final VarHandle RATES = MethodHandles.arrayElementVarHandle(double[].class);

    private final double[] rates;

    /** @param rates per type ordinal, each within {@code 0.0 .. 1.0}; copied */
    public SamplingRates(double[] rates) {
        this.rates = new double[rates.length];
        for (int type = 0; type < rates.length; type++) {
            set(type, rates[type]);
        }
    }

    /** Returns the rate of a type, in [0, 1]. */
    public double get(int type) {
        return (double) RATES.getVolatile(rates, type);
    }

    /** Sets the rate of a type; {@code rate} is within [0, 1], checked by the caller. */
    public void set(int type, double rate) {
        RATES.setVolatile(rates, type, rate);
    }

    /** Throws {@link IllegalArgumentException} naming {@code what} if the rate is outside [0, 1]. */
    public static void checkRate(String what, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(what + " must be within 0.0 .. 1.0, was " + rate);
        }
    }
}
