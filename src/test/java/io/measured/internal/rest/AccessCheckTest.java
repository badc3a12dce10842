package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccessCheckTest {

    private final AccessCheck guarded = new AccessCheck(Optional.of("metrics"));

    @Test
    void openWithoutARole() {
        assertThat(new AccessCheck(Optional.empty()).check(false, role -> false)).isEmpty();
    }

    @Test
    void anonymousGets401() {
        assertThat(guarded.check(false, role -> true)).get().extracting(Reply::status).isEqualTo(401);
    }

    @Test
    void userWithoutTheRoleGets403() {
        assertThat(guarded.check(true, "other"::equals)).get().extracting(Reply::status).isEqualTo(403);
    }

    @Test
    void userWithTheRolePasses() {
        assertThat(guarded.check(true, "metrics"::equals)).isEmpty();
    }
}
