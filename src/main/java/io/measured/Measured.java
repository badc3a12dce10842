package io.measured;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;

/**
 * Times every business method of a CDI bean (on a type) or one method (on a method) and records
 * the call in the application's {@link MetricsBuffer}.
 *
 * <p>A method-level annotation overrides the class-level one. The interceptor is enabled by its
 * {@code @Priority}; no {@code beans.xml} entry is needed. A call that throws is recorded with
 * metadata {@code outcome=error} and {@code exception=<class name>}, and the same exception
 * instance is rethrown; a successful call has {@code outcome=success}. An exception of normal
 * flow, listed in {@link #expected()} or in the setting {@code measured.errors.expected}, is
 * recorded with {@code outcome=expected} and counts as a success everywhere. A method returning a
 * {@link java.util.concurrent.CompletionStage} is timed until the stage completes.
 *
 * <p>Producer and disposer methods of a bean bound at class level are wiring, not operations:
 * they are timed only when they carry the annotation themselves.
 *
 * <p>A class-level binding also times the bean's {@code @PostConstruct} and {@code @PreDestroy}
 * callbacks (named {@code SimpleClassName.@PostConstruct} and {@code SimpleClassName.@PreDestroy})
 * and its EJB timeout methods ({@code @Schedule}, {@code @Timeout}, named like any method). The
 * binding may also come from a stereotype or from {@code InterceptionFactory} with
 * {@link Literal}; beans of passivating scopes (session, conversation, view, flow) may carry it.
 *
 * <pre>{@code
 * @ApplicationScoped
 * @Measured(type = OperationType.DATABASE)
 * public class NoteRepository {
 *     public List<Note> findAll() { ... }        // recorded as "NoteRepository.findAll"
 * }
 * }</pre>
 */
@InterceptorBinding
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Measured {

    /**
     * The type under which calls are recorded.
     *
     * @return the operation type; {@link OperationType#SERVICE} unless given
     */
    @Nonbinding
    OperationType type() default OperationType.SERVICE;

    /**
     * The operation name under which calls are recorded. When empty, the name is the simple name
     * of the bean class (never of a container-generated proxy or subclass), a dot, and the
     * method name, such as {@code NoteRepository.findAll}.
     *
     * @return the operation name, or empty for the default
     */
    @Nonbinding
    String name() default "";

    /**
     * Exceptions that are part of the method's normal flow, such as JPA's
     * {@code NoResultException} for "not found": a call that throws one of them, or of a subclass,
     * is recorded with metadata {@code outcome=expected} and {@code exception=<class name>} and
     * counts as a success in the statistics, Prometheus, the dashboard and OpenTelemetry; the
     * exception itself is rethrown unchanged. Taken from the annotation that applies (a
     * method-level one wins over the class-level one, whole), together with the classes the setting
     * {@code measured.errors.expected} names for every binding.
     *
     * @return the exception classes of normal flow; empty by default
     */
    @Nonbinding
    Class<? extends Throwable>[] expected() default {};

    /**
     * An instance of {@link Measured}, for programmatic use such as
     * {@code BeanManager#createInterceptionFactory}. Immutable and thread-safe.
     */
    final class Literal extends AnnotationLiteral<Measured> implements Measured {

        private static final long serialVersionUID = 1L;

        /**
         * The type it binds.
         *
         * @serial the type it binds
         */
        private final OperationType type;
        /**
         * The name it binds, empty for the default.
         *
         * @serial the name it binds, empty for the default
         */
        private final String name;
        /**
         * The exception classes of normal flow it binds.
         *
         * @serial the exception classes of normal flow it binds, possibly none
         */
        private final Class<? extends Throwable>[] expected;

        private Literal(OperationType type, String name, Class<? extends Throwable>[] expected) {
            this.type = type;
            this.name = name;
            this.expected = expected;
        }

        /**
         * Creates a literal with the given type and the default name.
         *
         * @param type the operation type; not null
         * @return the literal
         * @throws NullPointerException if {@code type} is null
         */
        public static Literal of(OperationType type) {
            return of(type, "");
        }

        /**
         * Creates a literal with the given type and name.
         *
         * @param type the operation type; not null
         * @param name the operation name, empty for the default; not null
         * @return the literal
         * @throws NullPointerException if an argument is null
         */
        public static Literal of(OperationType type, String name) {
            return of(type, name, new Class[0]);
        }

        /**
         * Creates a literal with the given type, name and exceptions of normal flow.
         *
         * @param type the operation type; not null
         * @param name the operation name, empty for the default; not null
         * @param expected exception classes of normal flow (see {@link Measured#expected()}); not
         *        null, no null element; copied
         * @return the literal
         * @throws NullPointerException if an argument or an element of {@code expected} is null
         */
        @SafeVarargs
        public static Literal of(OperationType type, String name, Class<? extends Throwable>... expected) {
            Class<? extends Throwable>[] copy = Objects.requireNonNull(expected, "expected").clone();
            for (Class<? extends Throwable> each : copy) {
                Objects.requireNonNull(each, "an element of expected");
            }
            return new Literal(Objects.requireNonNull(type, "type"), Objects.requireNonNull(name, "name"), copy);
        }

        @Override
        public OperationType type() {
            return type;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<? extends Throwable>[] expected() {
            return expected.clone();
        }
    }
}
