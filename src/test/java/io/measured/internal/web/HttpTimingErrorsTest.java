package io.measured.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.measured.internal.cdi.ActiveSettings;
import io.measured.internal.cdi.MeasuredExtension;
import io.measured.internal.cdi.MetricsBufferProducer;
import io.measured.internal.cdi.RecordingFailures;
import io.measured.internal.config.MapConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An Error while the servlet filter records a request never changes what the request gets: the
 * chain's own outcome passes through, as README promises for a failure of any kind while recording.
 * The request and response are minimal stand-ins answering what the filter asks of them.
 */
class HttpTimingErrorsTest {

    private WeldContainer container;

    static List<Supplier<? extends Error>> errors() {
        return FailingBufferProducer.ERRORS;
    }

    @BeforeEach
    void start() {
        container = new Weld().disableDiscovery().containerId(null)
                .addExtension(new MeasuredExtension(new MapConfig(Map.of())))
                .addBeanClasses(MetricsBufferProducer.class, RecordingFailures.class, ActiveSettings.class,
                        FailingBufferProducer.class, HttpTimingServletFilter.class)
                .initialize();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @ParameterizedTest
    @MethodSource("errors")
    @DisplayName("a request the application served completes normally, and the failure is reported")
    void aServedRequestCompletes(Supplier<? extends Error> error) {
        FailingBufferProducer.failWith(error);
        HttpTimingServletFilter filter = container.select(HttpTimingServletFilter.class).get();

        assertThatCode(() -> filter.doFilter(request(), response(), (req, res) -> { })).doesNotThrowAnyException();
        assertThat(container.select(RecordingFailures.class).get().count()).isEqualTo(1);
    }

    @ParameterizedTest
    @MethodSource("errors")
    @DisplayName("the application's own exception instance reaches the container")
    void theApplicationsExceptionPassesThrough(Supplier<? extends Error> error) {
        FailingBufferProducer.failWith(error);
        HttpTimingServletFilter filter = container.select(HttpTimingServletFilter.class).get();
        IOException own = new IOException("the application's failure");

        assertThatThrownBy(() -> filter.doFilter(request(), response(), (req, res) -> {
            throw own;
        })).isSameAs(own);
    }

    private static HttpServletRequest request() {
        Map<String, Object> attributes = new HashMap<>();
        Map<String, Object> answers = Map.of("getRequestURI", "/app/notes", "getContextPath", "/app",
                "getServletPath", "/notes", "getMethod", "GET", "isAsyncStarted", false);
        return (HttpServletRequest) Proxy.newProxyInstance(HttpTimingErrorsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    default -> answers.get(method.getName());
                });
    }

    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(HttpTimingErrorsTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getStatus" -> 200;
                    case "isCommitted" -> false;
                    default -> null;
                });
    }
}
