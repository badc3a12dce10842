package io.measured.internal.cdi;

import io.measured.internal.config.MeasuredSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The application's validated settings as a normal-scoped bean, so that beans of passivating scopes
 * and their interceptors can depend on them through a serializable client proxy (the extension
 * itself is not serializable).
 */
@ApplicationScoped
public class ActiveSettings {

    @Inject
    MeasuredExtension extension;

    /** Returns the settings read at deployment; never null. */
    public MeasuredSettings get() {
        return extension.settings();
    }

    /** Returns the exception classes of normal flow for every binding and SQL, checked at deployment. */
    public List<Class<? extends Throwable>> expectedErrors() {
        return extension.expectedErrors();
    }
}
