package io.measured.internal.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StripesTest {

    @Test
    @DisplayName("threads of a pool, with consecutive ids, use every owned stripe in use")
    void consecutiveIdsUseEveryStripe() {
        for (int inUse = 1; inUse <= Stripes.OWNED_MAX; inUse++) {
            Set<Integer> used = new HashSet<>();
            for (long id = 30; id < 30 + 8; id++) {
                int stripe = Stripes.owned(id, inUse, Stripes.FIRST_SALT);
                assertThat(stripe).isBetween(0, inUse - 1);
                used.add(stripe);
            }
            assertThat(used).as("stripes used of %d", inUse).hasSize(inUse);
        }
    }

    @Test
    @DisplayName("two threads that meet on one stripe are dealt different ones within a few new salts")
    void newSaltsSeparateThreadsThatMeet() {
        for (int inUse = 2; inUse <= Stripes.OWNED_MAX; inUse++) {
            for (long first = 1; first < 300; first++) {
                for (long second = first + 1; second < 300; second++) {
                    int salt = Stripes.FIRST_SALT;
                    int collisions = 0;
                    while (Stripes.owned(first, inUse, salt) == Stripes.owned(second, inUse, salt)) {
                        salt = Stripes.nextSalt(salt);
                        collisions++;
                        assertThat(collisions).as("threads %d and %d among %d stripes", first, second, inUse)
                                .isLessThan(20);
                    }
                }
            }
        }
    }

    @Test
    void saltsStayOdd() {
        int salt = Stripes.FIRST_SALT;
        for (int i = 0; i < 100_000; i++) {
            assertThat(salt & 1).isEqualTo(1);
            salt = Stripes.nextSalt(salt);
        }
    }
}
