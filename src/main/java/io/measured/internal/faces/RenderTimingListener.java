package io.measured.internal.faces;

import io.measured.MetricsBuffer;
import io.measured.OperationType;
import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MeasuredSettings;
import io.measured.internal.web.RequestAttributes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.util.Iterator;

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

    /**
     * The application's beans, looked up once: a listener belongs to one application's Faces
     * lifecycle, and {@code CDI.current()} on every request costs more than the render it times.
     */
    private transient volatile Beans beans;

    private record Beans(MeasuredSettings settings, MetricsBuffer buffer, RecordingFailures failures) {
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.ANY_PHASE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        if (event.getPhaseId() == PhaseId.RENDER_RESPONSE && beans().map(b -> rendersTimed(b.settings())).orElse(false)) {
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

    private java.util.Optional<Beans> beans() {
        Beans found = beans;
        if (found == null) {
            try {
                CDI<Object> cdi = CDI.current();
                found = new Beans(cdi.select(ActiveSettings.class).get().get(), cdi.select(MetricsBuffer.class).get(),
                        cdi.select(RecordingFailures.class).get());
                beans = found;
            } catch (RuntimeException noCdi) {
                return java.util.Optional.empty(); // no CDI container answers yet: this render goes untimed
            }
        }
        return java.util.Optional.of(found);
    }

    /** Never throws: a failure to record, Errors included, is reported, never passed to the render. */
    private void record(FacesContext context, long start, long end) {
        UIViewRoot view = context.getViewRoot();
        String viewId = view == null || view.getViewId() == null ? "(no view)" : view.getViewId();
        try {
            Beans found = beans;
            if (found != null) {
                found.buffer().recorder(OperationType.RENDER, viewId).record(start, end, renderFailure(context));
            }
        } catch (Throwable e) {
            Beans found = beans;
            if (found != null) {
                found.failures().report(viewId, e);
            }
        }
    }

    private static Throwable renderFailure(FacesContext context) {
        Iterator<ExceptionQueuedEvent> queued = context.getExceptionHandler().getUnhandledExceptionQueuedEvents().iterator();
        return queued.hasNext() ? queued.next().getContext().getException() : null;
    }
}
