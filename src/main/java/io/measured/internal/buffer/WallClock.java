package io.measured.internal.buffer;

import java.time.Clock;

/**
 * Wall-clock milliseconds for metric timestamps. With the system clock, a timestamp is derived
 * from the {@code System.nanoTime()} the caller already read, re-anchored to the wall clock once
 * a second, so recording costs no extra clock read; any other clock (tests) is asked every time.
 */
public abstract class WallClock {

    /** Returns the wall-clock time, in epoch milliseconds, of a {@code System.nanoTime()} reading. */
    public abstract long millisAt(long nanoTime);

    /** Whether this is the system's UTC clock, which moves by itself, rather than a clock given for tests. */
    public abstract boolean isSystemClock();

    /** The clock for a buffer: anchored to nanoTime for the system UTC clock, else the clock itself. */
    public static WallClock of(Clock clock) {
        return clock.equals(Clock.systemUTC()) ? new Anchored() : new Given(clock);
    }

    private static final class Given extends WallClock {
        private final Clock clock;

        Given(Clock clock) {
            this.clock = clock;
        }

        @Override
        public long millisAt(long nanoTime) {
            return clock.millis();
        }

        @Override
        public boolean isSystemClock() {
            return false;
        }
    }

    private static final class Anchored extends WallClock {
        private static final long REANCHOR_NANOS = 1_000_000_000L;

        private record Anchor(long nanoTime, long epochMillis) {
        }

        private volatile Anchor anchor = new Anchor(System.nanoTime(), System.currentTimeMillis());

        @Override
        public boolean isSystemClock() {
            return true;
        }

        @Override
        public long millisAt(long nanoTime) {
            Anchor current = anchor;
            long elapsed = nanoTime - current.nanoTime;
            if (elapsed > REANCHOR_NANOS) {
                // Follows wall-clock adjustments (NTP) within a second; a racing re-anchor is harmless.
                current = new Anchor(System.nanoTime(), System.currentTimeMillis());
                anchor = current;
                elapsed = nanoTime - current.nanoTime;
            }
            return current.epochMillis + Math.floorDiv(elapsed, 1_000_000L);
        }
    }
}
