package io.measured.internal.cdi;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds {@link LifecycleInterceptor} to a bean bound to {@code @Measured} at class level. Never
 * written by applications: the extensions add it to such beans' types as the container discovers
 * them ({@link LifecycleMarking}). Types only, as CDI requires of the bindings of an interceptor
 * with lifecycle callbacks.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MeasuredLifecycle {

    /** The annotation, for the portable extension to add. */
    final class Literal extends AnnotationLiteral<MeasuredLifecycle> implements MeasuredLifecycle {

        private static final long serialVersionUID = 1L;

        /** The one instance. */
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
