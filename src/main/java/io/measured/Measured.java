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
 * instance is rethrown; a successful call has {@code outcome=success}. A method returning a
 * {@link java.util.concurrent.CompletionStage} is timed until the stage completes.
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

        private Literal(OperationType type, String name) {
            this.type = type;
            this.name = name;
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
            return new Literal(Objects.requireNonNull(type, "type"), Objects.requireNonNull(name, "name"));
        }

        @Override
        public OperationType type() {
            return type;
        }

        @Override
        public String name() {
            return name;
        }
    }
}
