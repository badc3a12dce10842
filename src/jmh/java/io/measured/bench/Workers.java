package io.measured.bench;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.enterprise.context.ApplicationScoped;
import org.openjdk.jmh.infra.Blackhole;

/** The same cheap bean method behind each interceptor under comparison. */
final class Workers {

    private Workers() {
    }

    static long work(long x) {
        return x * 31 + 7;
    }

    /** About a microsecond of a business method's own work (see ScalingBenchmark.plainWork). */
    static long microsecondOfWork(long x) {
        Blackhole.consumeCPU(WORK_TOKENS);
        return work(x);
    }

    static final long WORK_TOKENS = 600;

    @ApplicationScoped
    public static class PlainWork {
        public long compute(long x) {
            return microsecondOfWork(x);
        }
    }

    @ApplicationScoped
    @NoOpTimed
    public static class NoOpWork {
        public long compute(long x) {
            return microsecondOfWork(x);
        }
    }

    @ApplicationScoped
    @FloorTimed
    public static class FloorWork {
        public long compute(long x) {
            return microsecondOfWork(x);
        }
    }

    @ApplicationScoped
    @Measured
    public static class TimedWork {
        public long compute(long x) {
            return microsecondOfWork(x);
        }
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
    @OrderedFloorTimed
    public static class OrderedFloor {
        public long compute(long x) {
            return work(x);
        }
    }

    @ApplicationScoped
    @ClaimedFloorTimed
    public static class ClaimedFloor {
        public long compute(long x) {
            return work(x);
        }
    }

    @ApplicationScoped
    @RecorderTimed
    public static class Recorded {
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
    @OtelTimed
    public static class Otel {
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
