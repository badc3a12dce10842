package io.measured.internal.rest;

import io.measured.internal.config.Keys;
import java.util.Optional;
import java.util.function.Predicate;

/** Enforces {@code measured.endpoint.role}: no role configured means an open endpoint. */
final class AccessCheck {

    private final Optional<String> role;

    AccessCheck(Optional<String> role) {
        this.role = role;
    }

    /** Returns a refusal (401 without a user, 403 without the role), or empty when the request may go on. */
    Optional<Reply> check(boolean authenticated, Predicate<String> hasRole) {
        if (role.isEmpty()) {
            return Optional.empty();
        }
        if (!authenticated) {
            return Optional.of(Reply.error(401, "authentication required: " + Keys.ENDPOINT_ROLE
                    + " restricts the metrics endpoint to users in role '" + role.get() + "'"));
        }
        if (!hasRole.test(role.get())) {
            return Optional.of(Reply.error(403, "the user is not in role '" + role.get()
                    + "', which " + Keys.ENDPOINT_ROLE + " requires"));
        }
        return Optional.empty();
    }
}
