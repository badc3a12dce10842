package io.measured.demo;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * A Faces view-scoped page bean, as most JSF backing beans are: a passivating scope, so its
 * interceptor must be serializable for the application to deploy at all. Backs {@code booking.xhtml}.
 */
@Named
@ViewScoped
public class BookingWizard implements Serializable {

    private static final long serialVersionUID = 1L;

    private String destination = "";

    public String getDestination() {
        return destination;
    }

    public void setDestination(String destination) {
        this.destination = destination;
    }

    /** Fails as a page bean's getter can: the view {@code broken.xhtml} renders it. */
    public String getUnavailable() {
        throw new IllegalStateException("the routing service is unavailable");
    }

    /** The form's action; bound at method level so the page's getters stay untimed. */
    @Measured(type = OperationType.SERVICE)
    public String confirm() {
        destination = destination.trim().toUpperCase(java.util.Locale.ROOT);
        return null;
    }
}
