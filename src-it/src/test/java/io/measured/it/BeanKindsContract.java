package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every kind of bean the demo has, timed on a real server: session-scoped and stateful beans, a
 * view-scoped page bean (its deployment alone proves its interceptor is serializable), stateless
 * and asynchronous EJB methods, a startup singleton's {@code @PostConstruct} and {@code @Schedule}
 * timer, and a request-scoped bean's {@code @PreDestroy}.
 */
interface BeanKindsContract {

    /** HTTP to the server that runs the demo. */
    Http http();

    /**
     * Waits until the demo's startup singleton has run its {@code @PostConstruct} and all its timer
     * ticks, so no tick lands among a later test's metrics.
     */
    static void awaitTickerDone(Http http) {
        await("the startup singleton's 3 timer ticks and the programmatic timer").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> {
                    Operations operations = Operations.of(http);
                    return operations.count("service Ticker.tick") >= 3 && operations.count("service Reminder.remind") >= 1;
                });
    }

    @Test
    @DisplayName("startup singletons' @PostConstruct, a @Schedule timer and a programmatic timer are timed")
    default void timersAndStartupCallbacksAreTimed() throws Exception {
        awaitTickerDone(http());
        Operations operations = Operations.of(http());
        assertThat(operations.count("service Ticker.@PostConstruct")).isEqualTo(1);
        assertThat(operations.count("service Ticker.tick")).isEqualTo(3);
        assertThat(operations.count("service Reminder.remind")).as("a programmatic timer's @Timeout").isEqualTo(1);
        assertThat(operations.count("service Reminder.@PostConstruct")).isEqualTo(1);
    }

    @Test
    @DisplayName("session-scoped and stateful beans are timed, with @PostConstruct and a request bean's @PreDestroy")
    default void sessionAndStatefulBeansAreTimed() throws Exception {
        Operations before = Operations.of(http());
        HttpResponse<String> cart = http().send("POST", "api/beans/cart", null, null, null);
        assertThat(cart.statusCode()).as(cart.body()).isEqualTo(200);
        HttpResponse<String> basket = http().send("POST", "api/beans/basket", null, null, null);
        assertThat(basket.statusCode()).as(basket.body()).isEqualTo(200);
        Operations after = Operations.of(http());
        for (String operation : new String[] {"service ShoppingCart.add", "service ShoppingCart.@PostConstruct",
            "service RequestLog.add", "service RequestLog.@PreDestroy", "service Basket.add"}) {
            assertThat(after.count(operation) - before.count(operation)).as(operation).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("a stateless EJB's calls and failures are timed under the bean's own class name")
    default void statelessBeansAreTimed() throws Exception {
        Operations before = Operations.of(http());
        assertThat(http().send("POST", "api/beans/handling?event=load", null, null, null).body())
                .isEqualTo("registered load");
        assertThat(http().send("POST", "api/beans/handling?event=%20", null, null, null).statusCode())
                .isGreaterThanOrEqualTo(400);
        Operations after = Operations.of(http());
        String key = "service HandlingService.register";
        assertThat(after.count(key) - before.count(key)).isEqualTo(2);
        assertThat(after.errors(key) - before.errors(key)).as("errors").isEqualTo(1);
    }

    @Test
    @DisplayName("an EJB @Asynchronous method is timed until its work completes, not until the call returns")
    default void asynchronousMethodsAreTimedToCompletion() throws Exception {
        Operations before = Operations.of(http());
        assertThat(http().send("POST", "api/beans/inspection?ms=300", null, null, null).body()).isEqualTo("started");
        String key = "service HandlingService.inspect";
        Operations after = Operations.awaitCalls(http(), before, key, 1);
        assertThat(after.count(key) - before.count(key)).as("calls").isEqualTo(1);
        assertThat(after.maxMs(key)).as("max_duration_ms").isGreaterThanOrEqualTo(300);
    }
}
