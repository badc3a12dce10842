package io.measured.bench;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One cheap {@code @ApplicationScoped} bean method called through Weld SE: plainly, behind a no-op
 * interceptor, behind the floor (two nanoTime reads and a LongAdder), behind the floor plus the
 * least an ordered buffer of recent calls adds ({@link OrderedFloorInterceptor}), behind that with the
 * claim of its slot the buffer's exactness needs ({@link ClaimedFloorInterceptor}), behind {@code @Measured}
 * (sampled, and with sampling rate 0), behind a hand-written interceptor around measured's
 * {@code OperationRecorder} ({@link RecorderInterceptor}), and behind minimal interceptors around
 * Micrometer's and Dropwizard's timers and an OpenTelemetry SDK histogram; and {@code @Measured} with
 * OpenTelemetry switched off (the path of an application that cannot see its API: the default
 * container here), with the API visible but no instance or span, and with the metrics bridge on. Added cost of a variant = its time minus {@link #noOpInterceptor}.
 * {@link #twoNanoTimes} is the part every timing interceptor shares, outside any interceptor: every
 * variant's added cost contains it, so it bounds how small a ratio between two of them can be.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class InterceptedCallBenchmark {

    @State(Scope.Benchmark)
    public static class Container {
        /**
         * {@code minimal}: Weld SE without discovery, the library's beans named, settings given;
         * {@code user}: started as a user's application is ({@link BenchContainers#startAsUser}).
         */
        @Param({"minimal", "user"})
        String container;
        WeldContainer weld;
        Workers.Plain plain;
        Workers.NoOp noOp;
        Workers.Floor floor;
        Workers.OrderedFloor orderedFloor;
        Workers.ClaimedFloor claimedFloor;
        Workers.Timed measured;
        Workers.Micrometer micrometer;
        Workers.Dropwizard dropwizard;
        Workers.Recorded recorded;
        Workers.Otel otel;

        String samplingRate() {
            return "1.0";
        }

        /**
         * OpenTelemetry off: the path of every application that cannot see its API (the benchmark's
         * class path has the SDK, so the API is visible here unless switched off).
         */
        Map<String, String> settings() {
            return Map.of("measured.sampling.rate", samplingRate(), "measured.otel.enabled", "false");
        }

        /** Beans beside the workers and their interceptors. */
        List<Class<?>> more() {
            return List.of();
        }

        @Setup(Level.Trial)
        public void start() {
            List<Class<?>> beans = new ArrayList<>(List.of(NoOpInterceptor.class, FloorInterceptor.class,
                    MicrometerInterceptor.class, DropwizardInterceptor.class, RecorderInterceptor.class,
                    OrderedFloorInterceptor.class, ClaimedFloorInterceptor.class, OtelInterceptor.class, Workers.Plain.class, Workers.NoOp.class,
                    Workers.Floor.class, Workers.Timed.class, Workers.Micrometer.class, Workers.Dropwizard.class,
                    Workers.Recorded.class, Workers.OrderedFloor.class, Workers.ClaimedFloor.class,
                    Workers.Otel.class));
            beans.addAll(more());
            Class<?>[] classes = beans.toArray(new Class<?>[0]);
            weld = container.equals("user") ? BenchContainers.startAsUser(settings(), classes)
                    : BenchContainers.start(settings(), classes);
            RecorderInterceptor.recorder = new MetricsBuffer(1000, Double.parseDouble(samplingRate()))
                    .recorder(OperationType.DATABASE, "Recorded.compute");
            recorded = weld.select(Workers.Recorded.class).get();
            plain = weld.select(Workers.Plain.class).get();
            noOp = weld.select(Workers.NoOp.class).get();
            floor = weld.select(Workers.Floor.class).get();
            orderedFloor = weld.select(Workers.OrderedFloor.class).get();
            claimedFloor = weld.select(Workers.ClaimedFloor.class).get();
            measured = weld.select(Workers.Timed.class).get();
            micrometer = weld.select(Workers.Micrometer.class).get();
            dropwizard = weld.select(Workers.Dropwizard.class).get();
            otel = weld.select(Workers.Otel.class).get();
        }

        @TearDown(Level.Trial)
        public void stop() {
            weld.close();
        }
    }

    /**
     * OpenTelemetry's API visible to the application but no OpenTelemetry instance (no CDI bean,
     * no global one) and no current span: each call looks for a span and finds none.
     */
    @State(Scope.Benchmark)
    public static class OtelApiContainer extends Container {
        @Override
        Map<String, String> settings() {
            return Map.of("measured.sampling.rate", samplingRate());
        }
    }

    /** The application's OpenTelemetry a CDI bean, as MicroProfile Telemetry runtimes offer it: the metrics bridge on. */
    @State(Scope.Benchmark)
    public static class OtelBridgeContainer extends OtelApiContainer {
        @Override
        List<Class<?>> more() {
            return List.of(OtelProducer.class);
        }
    }

    /** The same container with {@code measured.sampling.rate=0}: every call counted, none buffered. */
    @State(Scope.Benchmark)
    public static class UnsampledContainer extends Container {
        @Override
        String samplingRate() {
            return "0.0";
        }
    }

    private long x;

    @Benchmark
    public long plain(Container c) {
        return c.plain.compute(x++);
    }

    @Benchmark
    public long noOpInterceptor(Container c) {
        return c.noOp.compute(x++);
    }

    @Benchmark
    public long floorInterceptor(Container c) {
        return c.floor.compute(x++);
    }

    /** The least a recorder that keeps calls in one order adds to the floor: see {@link OrderedFloorInterceptor}. */
    @Benchmark
    public long orderedFloorInterceptor(Container c) {
        return c.orderedFloor.compute(x++);
    }

    /**
     * The ordered floor with the slot's claim the buffer's exactness needs: the least a recorder
     * keeping the whole contract adds; see {@link ClaimedFloorInterceptor}.
     */
    @Benchmark
    public long claimedFloorInterceptor(Container c) {
        return c.claimedFloor.compute(x++);
    }

    @Benchmark
    public long measured(Container c) {
        return c.measured.compute(x++);
    }

    @Benchmark
    public long measuredUnsampled(UnsampledContainer c) {
        return c.measured.compute(x++);
    }

    @Benchmark
    public long recorder(Container c) {
        return c.recorded.compute(x++);
    }

    @Benchmark
    public long recorderUnsampled(UnsampledContainer c) {
        return c.recorded.compute(x++);
    }

    @Benchmark
    public long micrometerTimer(Container c) {
        return c.micrometer.compute(x++);
    }

    @Benchmark
    public long dropwizardTimer(Container c) {
        return c.dropwizard.compute(x++);
    }

    /** OpenTelemetry's API visible, no instance, no current span: each call looks for a span. */
    @Benchmark
    public long measuredOtelApiNoSpan(OtelApiContainer c) {
        return c.measured.compute(x++);
    }

    /** The metrics bridge on: each call also goes to the application's OpenTelemetry histogram. */
    @Benchmark
    public long measuredOtelBridge(OtelBridgeContainer c) {
        return c.measured.compute(x++);
    }

    /** A hand-written interceptor recording into an OpenTelemetry SDK histogram, attributes built once. */
    @Benchmark
    public long otelHandwritten(Container c) {
        return c.otel.compute(x++);
    }

    @Benchmark
    public long twoNanoTimes() {
        long start = System.nanoTime();
        return System.nanoTime() - start;
    }
}
