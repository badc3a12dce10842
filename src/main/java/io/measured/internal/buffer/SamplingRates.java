package io.measured.internal.buffer;

import io.measured.OperationType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** The sampling rate of each operation type; readable and writable from any thread. */
public final class SamplingRates {

    private final AtomicLongArray rateBits = new AtomicLongArray(OperationType.values().length);

    /**
     * Creates rates from a map; a type missing from the map gets 1.0.
     *
     * @throws IllegalArgumentException if a rate is outside [0, 1] or NaN, or a key is null
     */
    public SamplingRates(Map<OperationType, Double> rates) {
        for (OperationType type : OperationType.values()) {
            set(type, 1.0);
        }
        if (rates == null) {
            throw new IllegalArgumentException("samplingRates must not be null");
        }
        for (Map.Entry<OperationType, Double> entry : rates.entrySet()) {
            if (entry.getKey() == null) {
                throw new IllegalArgumentException("samplingRates must not contain a null type");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("sampling rate for type " + entry.getKey().key()
                        + " must not be null; valid range is 0.0 .. 1.0");
            }
            set(entry.getKey(), entry.getValue());
        }
    }

    /** Returns the rate of a type, in [0, 1]. */
    public double get(OperationType type) {
        return Double.longBitsToDouble(rateBits.get(type.ordinal()));
    }

    /** Sets the rate of a type; throws {@link IllegalArgumentException} outside [0, 1] or NaN. */
    public void set(OperationType type, double rate) {
        checkRate("sampling rate for type " + type.key(), rate);
        rateBits.set(type.ordinal(), Double.doubleToLongBits(rate));
    }

    /** Returns every type's rate, in declaration order. */
    public Map<OperationType, Double> asMap() {
        Map<OperationType, Double> map = new EnumMap<>(OperationType.class);
        for (OperationType type : OperationType.values()) {
            map.put(type, get(type));
        }
        return map;
    }

    /** Throws {@link IllegalArgumentException} naming {@code what} if the rate is outside [0, 1]. */
    public static void checkRate(String what, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(what + " must be within 0.0 .. 1.0, was " + rate);
        }
    }
}
