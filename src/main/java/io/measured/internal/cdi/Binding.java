package io.measured.internal.cdi;

import io.measured.OperationType;

/** What the interceptor records a method's calls as. */
record Binding(OperationType type, String name) {
}
