package io.measured.quarkus;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.enterprise.inject.Stereotype;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A stereotype that carries the binding: every bean it marks is timed as RENDER. */
@Stereotype
@Measured(type = OperationType.RENDER)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Report {
}
