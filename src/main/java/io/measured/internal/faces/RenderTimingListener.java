package io.measured.internal.faces;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.stats.Outcomes;
import io.measured.internal.web.RequestAttributes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Iterator;
import java.util.Map;

/**
 * Times the render-response phase of each Faces view as type RENDER, named by its view id (such as
 * {@code /admin/dashboard.xhtml}), and tells the servlet-level timing the view id of a view that
 * exists. Registered by the jar's {@code META-INF/faces-config.xml}; applications without Faces
 * never load it. A render that fails (an exception queued during the phase) is recorded with
 * {@code outcome=error} and the exception's class; the exception goes on to Faces untouched.
 * Thread-safe: per-request state lives in the request's {@link FacesContext}.
 */
public class RenderTimingListener implements PhaseListener {

    private static final long serialVersionUID = 1L;
    private static final String START = RenderTimingListener.class.getName() + ".start";

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.ANY_PHASE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        if (event.getPhaseId() == PhaseId.RENDER_RESPONSE && settings().map(this::rendersTimed).orElse(false)) {
            event.getFacesContext().getAttributes().put(START, System.nanoTime());
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext context = event.getFacesContext();
        PhaseId phase = event.getPhaseId();
        if (phase == PhaseId.RESTORE_VIEW || phase == PhaseId.RENDER_RESPONSE) {
            UIViewRoot view = context.getViewRoot();
            if (view != null && view.getViewId() != null) {
                context.getExternalContext().getRequestMap().put(RequestAttributes.FACES_VIEW, view.getViewId());
            }
        }
        if (phase == PhaseId.RENDER_RESPONSE && context.getAttributes().get(START) instanceof Long start) {
            context.getAttributes().remove(START);
            record(context, start, System.nanoTime());
        }
    }

    private boolean rendersTimed(MeasuredSettings settings) {
        return settings.enabled() && settings.facesEnabled();
    }

    private static java.util.Optional<MeasuredSettings> settings() {
        try {
            return java.util.Optional.of(CDI.current().select(ActiveSettings.class).get().get());
        } catch (RuntimeException noCdi) {
            return java.util.Optional.empty(); // the application has no CDI container: nothing to record into
        }
    }

    /** Never throws: a failure to record is reported, never passed to the render. */
    private static void record(FacesContext context, long start, long end) {
        UIViewRoot view = context.getViewRoot();
        String viewId = view == null || view.getViewId() == null ? "(no view)" : view.getViewId();
        try {
            Throwable failure = renderFailure(context);
            Map<String, String> metadata = failure == null ? Outcomes.SUCCESS_METADATA
                    : Map.of(Outcomes.OUTCOME, Outcomes.ERROR, Outcomes.EXCEPTION, failure.getClass().getName());
            MetricsBuffer buffer = CDI.current().select(MetricsBuffer.class).get();
            buffer.record(OperationType.RENDER, viewId, Math.max(0, end - start) / 1_000_000.0, metadata);
        } catch (RuntimeException | LinkageError e) {
            try {
                CDI.current().select(RecordingFailures.class).get().report(viewId, e);
            } catch (RuntimeException | LinkageError unreported) {
                // no CDI to report through: the render must go on regardless
            }
        }
    }

    private static Throwable renderFailure(FacesContext context) {
        Iterator<ExceptionQueuedEvent> queued = context.getExceptionHandler().getUnhandledExceptionQueuedEvents().iterator();
        return queued.hasNext() ? queued.next().getContext().getException() : null;
    }
}
