package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link DemoContract} on an EE server: with every kind of bean an EE server has and every kind of
 * request a servlet container serves.
 */
abstract class EeServerContract extends DemoContract implements BeanKindsContract, HttpTimingContract {

    @Override
    void awaitStartupWork(Http http) {
        BeanKindsContract.awaitTickerDone(http);
    }

    @Test
    @DisplayName("the server's log of the deployment and its use: no warning naming measured, no stack trace through its code")
    void theLogHasNoTroubleWithMeasured() throws Exception {
        http().get("api/notes"); // SQL, JPA and a request, at least once before the log is read
        assertThat(MeasuredLogRecords.troubleIn(serverLog())).isEmpty();
    }
}
