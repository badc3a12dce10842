package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A message-driven bean on the full-profile servers (Payara Server, GlassFish, WildFly with its
 * {@code standalone-full.xml}), whose JMS broker the demo's messaging variant
 * uses: its own queue ({@code @JMSDestinationDefinition}), messages sent by a JAX-RS resource, and
 * a {@code @Measured} MDB whose every {@code onMessage} is timed under its own class name.
 */
@DisplayName("Message-driven beans on full-profile servers")
class MessageDrivenIT {

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of("Payara Server 6", (Supplier<ServerProcess>) () -> GlassFishServer.payaraServer6().withWarFrom("demo.messaging.war")),
                Arguments.of("GlassFish 8", (Supplier<ServerProcess>) () -> GlassFishServer.glassFish8().withWarFrom("demo.messaging.war")),
                Arguments.of("WildFly 39 (standalone-full.xml)", (Supplier<ServerProcess>) () -> new WildFlyServer()
                        .withConfiguration("standalone-full.xml").withWarFrom("demo.messaging.war")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void everyDeliveryIsTimed(String name, Supplier<ServerProcess> newServer) throws Exception {
        try (ServerProcess server = newServer.get()) {
            ServerProcess.Deployment deployment = server.start(Map.of());
            assertThat(deployment.deployed()).as("%s deployed the messaging demo; log:\n%s", name, deployment.failure()).isTrue();
            Http http = new Http(deployment.baseUri());
            for (String event : new String[] {"loaded", "unloaded", "claimed"}) {
                HttpResponse<String> sent = http.postText("api/shipments", event);
                assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
            }
            await("three deliveries timed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Operations.of(http).count("service ShipmentListener.onMessage") >= 3);
            assertThat(http.get("api/shipments").body().split("\n")).containsExactlyInAnyOrder("loaded", "unloaded", "claimed");
            Operations operations = Operations.of(http);
            assertThat(operations.count("service ShipmentListener.onMessage")).isEqualTo(3);
            assertThat(operations.errors("service ShipmentListener.onMessage")).isZero();
        }
    }
}
