package io.measured.internal.web;

import io.measured.MetricsBuffer;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MeasuredSettings;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Times every request the application serves, once, as type HTTP: JAX-RS resources, Faces pages
 * and postbacks, servlets, static files, 404s and errors. Contributed by the jar's
 * {@code web-fragment.xml} for the REQUEST dispatcher; an asynchronous request is timed until its
 * {@code AsyncContext} completes. The time includes writing the body. It never reads, wraps or
 * buffers a request or response body: it passes the container's own objects down the chain.
 * Named by {@link RequestNames}; metadata {@code method} (as named) and {@code status}; an
 * exception escaping the chain counts as the status the container will answer for it (see
 * {@link #statusOf}), and any status of 500 or more is an error. A request that
 * {@code measured.http.exclude} covers ({@link ExcludedPaths}) passes through untimed. Thread-safe.
 */
public class HttpTimingServletFilter implements Filter {

    @Inject
    MetricsBuffer buffer;

    @Inject
    ActiveSettings settings;

    @Inject
    RecordingFailures failures;

    /** Fixed for the deployment; read on first use. */
    private volatile MeasuredSettings cachedSettings;
    private final RequestRecorders recorders = new RequestRecorders();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse reply)
                || http.getAttribute(RequestAttributes.TIMED_BY_FILTER) != null || !timed(http)) {
            chain.doFilter(request, response);
            return;
        }
        http.setAttribute(RequestAttributes.TIMED_BY_FILTER, Boolean.TRUE);
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException | Error failure) {
            record(http, statusOf(failure, reply), start);
            throw failure;
        }
        if (http.isAsyncStarted()) {
            listen(http, reply, start);
        } else {
            record(http, reply.getStatus(), start);
        }
    }

    /**
     * The status the container answers for an exception that escaped the application: 404 for a
     * file not found (Open Liberty's static-file servlet reports a missing file so), else 500, or
     * the status already sent when the response is committed.
     */
    static int statusOf(Throwable failure, HttpServletResponse response) {
        if (response.isCommitted()) {
            return response.getStatus();
        }
        // A bounded walk: a cause chain may loop through wrappers that set each other as causes.
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 32; depth++, cause = cause.getCause()) {
            if (cause instanceof java.io.FileNotFoundException) {
                return 404;
            }
        }
        return 500;
    }

    private boolean timed(HttpServletRequest request) {
        MeasuredSettings current = cachedSettings;
        if (current == null) {
            try {
                current = settings.get();
            } catch (RuntimeException unavailable) {
                return false; // an application without the library's CDI beans: serve it untimed
            }
            cachedSettings = current;
        }
        return current.enabled() && current.httpEnabled() && !ExcludedPaths.excluded(request.getRequestURI(),
                request.getContextPath(), request.getServletPath(), request.getPathInfo(), current.httpExclude());
    }

    private void listen(HttpServletRequest request, HttpServletResponse response, long start) {
        try {
            request.getAsyncContext().addListener(new AsyncListener() {
                private volatile boolean failed;

                @Override
                public void onComplete(AsyncEvent event) {
                    int status = response.getStatus();
                    record(request, failed && status < 500 ? 500 : status, start);
                }

                @Override
                public void onTimeout(AsyncEvent event) {
                    failed = true;
                }

                @Override
                public void onError(AsyncEvent event) {
                    failed = true;
                }

                @Override
                public void onStartAsync(AsyncEvent event) {
                    event.getAsyncContext().addListener(this); // a restarted cycle keeps the same timing
                }
            });
        } catch (RuntimeException completedMeanwhile) {
            record(request, response.getStatus(), start);
        }
    }

    /** Never throws: a failure to record, Errors included, is reported, never passed to the request. */
    private void record(HttpServletRequest request, int status, long start) {
        long end = System.nanoTime();
        try {
            if (request.getAttribute(RequestAttributes.UNTIMED) != null) {
                return;
            }
            String method = RequestNames.method(request);
            recorders.record(buffer, RequestNames.name(request, method, status), method, status, start, end,
                    request.getAttribute(RequestAttributes.SERVER_SPAN));
        } catch (Throwable e) { // an OutOfMemoryError here is no reason to fail a request the application served
            try {
                failures.report("HTTP " + request.getMethod() + " request", e);
            } catch (Throwable lost) { // a stack too full even to name the request
            }
        }
    }
}
