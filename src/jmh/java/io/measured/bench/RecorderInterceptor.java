package io.measured.bench;

import io.measured.OperationRecorder;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * An interceptor written by hand around measured's recording: two nanoTime reads and
 * {@link OperationRecorder#record(long, long)} on a recorder resolved before the benchmark, with
 * no binding lookup, no failure handling and no completion-stage check. {@code @Measured}'s added
 * cost minus this one's is what the interceptor's own bookkeeping costs.
 */
@RecorderTimed
@Interceptor
@Priority(Interceptor.Priority.LIBRARY_BEFORE + 100)
public class RecorderInterceptor {

    /** Set by the benchmark's setup, before any call, from a buffer with the trial's sampling rate. */
    static OperationRecorder recorder;

    @AroundInvoke
    Object around(InvocationContext context) throws Exception {
        long start = System.nanoTime();
        try {
            return context.proceed();
        } finally {
            recorder.record(start, System.nanoTime());
        }
    }
}
