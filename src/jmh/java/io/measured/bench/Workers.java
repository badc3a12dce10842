package io.measured.bench;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.enterprise.context.ApplicationScoped;

/** The same cheap bean method behind each interceptor under comparison. */
final class Workers {

    private Workers() {
    }

    static long work(long x) {
        return x * 31 + 7;
    }

    @ApplicationScoped
    public static class Plain {
        public long compute(long x) {
            return work(x);
        }
    }

    @ApplicationScoped
    @NoOpTimed
    public static class NoOp {
        public long compute(long x) {
            return work(x);
        }
    }

    @ApplicationScoped
    @FloorTimed
    public static class Floor {
        public long compute(long x) {
            return work(x);
        }
    }

    @ApplicationScoped
    @Measured(type = OperationType.DATABASE)
    public static class Timed {
        public long compute(long x) {
            return work(x);
        }
    }

    @ApplicationScoped
    @MicrometerTimed
    public static class Micrometer {
        public long compute(long x) {
            return work(x);
        }
    }

    @ApplicationScoped
    @DropwizardTimed
    public static class Dropwizard {
        public long compute(long x) {
            return work(x);
        }
    }
}
