package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link SqlContract} plus plain JDBC through {@code DriverManager} and a {@code jdbc:measured:} URL
 * on the same in-memory database, which needs the database's driver in the application itself (as
 * the demo's own data source has it).
 */
interface DriverUrlContract extends SqlContract {

    @Test
    @DisplayName("JDBC through DriverManager and a jdbc:measured: URL is timed, the connection's opening too")
    default void driverUrlIsTimed() throws Exception {
        long note = SqlContract.freshNote();
        assertThat(http().postText("api/comments/" + note, "through the driver").statusCode()).isEqualTo(201);
        Operations before = Operations.of(http());
        HttpResponse<String> counted = http().get("api/comments/" + note + "/count-through-driver");
        assertThat(counted.statusCode()).as(counted.body()).isEqualTo(200);
        assertThat(Http.object(counted).getJsonNumber("count").longValue()).isOne();
        Operations after = Operations.of(http());

        assertThat(after.count("database SELECT DEMO_COMMENT") - before.count("database SELECT DEMO_COMMENT")).isEqualTo(1);
        assertThat(after.count("database getConnection") - before.count("database getConnection")).isEqualTo(1);
        assertThat(SqlContract.newestOf(http(), "SELECT DEMO_COMMENT").getJsonObject("metadata").getString("sql"))
                .isEqualTo("SELECT COUNT(*) FROM DEMO_COMMENT WHERE NOTE_ID = ?");
        assertThat(http().delete("api/comments/" + note).statusCode()).isEqualTo(200);
    }
}
