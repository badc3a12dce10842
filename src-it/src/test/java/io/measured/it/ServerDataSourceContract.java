package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInstance;

/**
 * Data sources the server defines, as README's recipe for the server family sets them up: one
 * server start, a pooled and an XA data source, and the demo deployed three times by JNDI name
 * ({@link ServerDataSourceDemo}): {@code /a/} and {@code /b/} share the pooled one, {@code /x/} uses
 * the XA one. Each runs the SQL contract; each application's statements go to its own buffer; and
 * the server's log, read last, has no trouble with measured in it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestClassOrder(ClassOrderer.OrderAnnotation.class)
abstract class ServerDataSourceContract {

    private ServerProcess server;
    private Http pooledA;
    private Http pooledB;
    private Http xa;

    /** The server, set up with both data sources, that deploys these WARs by name. */
    abstract ServerProcess newServer(Map<String, Path> wars);

    /** The JNDI name the recipe gives the pooled data source, or the XA one. */
    abstract String jndiName(boolean xa);

    @BeforeAll
    void startServer() throws Exception {
        Path dir = ServerProcess.workDirectory("server-datasource-wars");
        Map<String, Path> wars = new LinkedHashMap<>();
        wars.put("a", ServerDataSourceDemo.war(dir, "a", jndiName(false)));
        wars.put("b", ServerDataSourceDemo.war(dir, "b", jndiName(false)));
        wars.put("x", ServerDataSourceDemo.war(dir, "x", jndiName(true)));
        server = newServer(wars);
        ServerProcess.Deployment deployment = server.start(Map.of());
        assertThat(deployment.deployed()).as("%s deployed a, b and x; log:\n%s", server.name(), deployment.failure()).isTrue();
        pooledA = new Http(deployment.baseUri().resolve("a/"));
        pooledB = new Http(deployment.baseUri().resolve("b/"));
        xa = new Http(deployment.baseUri().resolve("x/"));
        // A JPA unit drops and creates its tables when first used where the provider deploys it
        // lazily (EclipseLink on Open Liberty): here, before the tests, not in the middle of one.
        for (Http application : java.util.List.of(pooledA, pooledB, xa)) {
            HttpResponse<String> listed = application.get("api/comments/0");
            assertThat(listed.statusCode()).as("%s: %s", application.base(), listed.body()).isEqualTo(200);
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    /** The SQL contract on one of the applications. */
    abstract class SqlOn implements SqlContract {
        private final Supplier<Http> application;

        SqlOn(Supplier<Http> application) {
            this.application = application;
        }

        @Override
        public Http http() {
            return application.get();
        }

        @Override
        public String serverLog() {
            return server.log();
        }
    }

    @Nested
    @Order(1)
    @DisplayName("a pooled data source the server defines")
    class Pooled extends SqlOn {
        Pooled() {
            super(() -> pooledA);
        }
    }

    @Nested
    @Order(2)
    @DisplayName("an XA data source the server defines, under JTA")
    class Xa extends SqlOn {
        Xa() {
            super(() -> xa);
        }
    }

    @Nested
    @Order(3)
    @DisplayName("two applications sharing one data source")
    class TwoApplications {

        /** Statements (not connections, which the pool opens for whoever asks) run since {@code before}, in upper case. */
        private static Map<String, Long> statementsSince(Http http, Operations before) throws Exception {
            Map<String, Long> statements = new TreeMap<>();
            Operations.of(http).changedSince(before, "database").forEach((name, calls) -> {
                if (!name.equals("database getConnection")) {
                    statements.merge(name.toUpperCase(Locale.ROOT), calls, Long::sum);
                }
            });
            return statements;
        }

        @Test
        @DisplayName("each application's statements are timed into its own buffer and nowhere else")
        void eachApplicationsStatementsGoToItsOwnBuffer() throws Exception {
            long note = SqlContract.freshNote();
            Operations beforeA = Operations.of(pooledA);
            Operations beforeB = Operations.of(pooledB);
            HttpResponse<String> added = pooledA.postText("api/comments/" + note, "from a");
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
            assertThat(Http.object(pooledA.get("api/comments/" + note + "/count")).getInt("count")).isOne();

            assertThat(statementsSince(pooledA, beforeA))
                    .containsExactly(Map.entry("DATABASE INSERT DEMO_COMMENT", 1L), Map.entry("DATABASE SELECT DEMO_COMMENT", 1L));
            assertThat(statementsSince(pooledB, beforeB)).as("b ran nothing yet").isEmpty();

            Operations middleA = Operations.of(pooledA);
            Operations middleB = Operations.of(pooledB);
            assertThat(Http.object(pooledB.get("api/comments/" + note + "/count")).getInt("count"))
                    .as("a's comment, seen by b in the database they share").isOne();
            assertThat(Http.object(pooledB.get("api/comments/matching?body=nothing")).getInt("count")).isZero();

            assertThat(statementsSince(pooledB, middleB)).containsExactly(Map.entry("DATABASE SELECT DEMO_COMMENT", 2L));
            assertThat(statementsSince(pooledA, middleA)).as("b's statements are not a's").isEmpty();
            assertThat(pooledA.delete("api/comments/" + note).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    @Order(4)
    @DisplayName("the server's log, as a user reads it after all of the above")
    class TheLog {
        @Test
        @DisplayName("has no warning or error naming measured, and no stack trace through it")
        void hasNoTroubleWithMeasured() {
            assertThat(MeasuredLogRecords.troubleIn(server.log())).isEmpty();
        }
    }
}
