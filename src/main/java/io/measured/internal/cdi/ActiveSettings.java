package io.measured.internal.cdi;

import io.measured.internal.config.MeasuredSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The application's checked settings as a normal-scoped bean, so that beans of passivating scopes
 * and their interceptors can depend on them through a serializable client proxy. They come from
 * whichever extension the container runs: {@link MeasuredExtension} (CDI Full) or
 * {@link MeasuredLiteExtension} (CDI Lite).
 */
@ApplicationScoped
public class ActiveSettings {

    @Inject
    CheckedSettings checked;

    /** Returns the settings read at deployment (CDI Full) or startup (CDI Lite); never null. */
    public MeasuredSettings get() {
        return checked.settings();
    }

    /** Returns the exception classes of normal flow for every binding and SQL, checked with the settings. */
    public List<Class<? extends Throwable>> expectedErrors() {
        return checked.expectedErrors();
    }
}
