package io.measured.demo;

import io.measured.Measured;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Comments through JPA and through plain JDBC, both on the application's data source
 * ({@link DemoDataSource}), which {@code MeasuredDataSource} wraps around H2's: every statement
 * either runs is recorded as DATABASE.
 */
@Stateless
@Measured
public class CommentStore {

    @PersistenceContext(unitName = "demo")
    EntityManager entityManager;

    @Resource(lookup = "java:app/jdbc/demo")
    DataSource dataSource;

    public Comment add(long noteId, String body) {
        Comment comment = new Comment(UUID.randomUUID().toString(), noteId, body);
        entityManager.persist(comment);
        return comment;
    }

    public List<Comment> list(long noteId) {
        return entityManager.createQuery("SELECT c FROM Comment c WHERE c.noteId = :note ORDER BY c.body", Comment.class)
                .setParameter("note", noteId)
                .getResultList();
    }

    /**
     * Stores every body or none: the rows are written (flushed) first, then a blank body rejects
     * the lot and the transaction rolls back.
     */
    public int addAll(long noteId, List<String> bodies) {
        for (String body : bodies) {
            entityManager.persist(new Comment(UUID.randomUUID().toString(), noteId, body));
        }
        entityManager.flush();
        if (bodies.stream().anyMatch(String::isBlank)) {
            throw new CommentRejectedException("a comment must not be blank; none of the " + bodies.size() + " was kept");
        }
        return bodies.size();
    }

    public int removeAll(long noteId) {
        return entityManager.createQuery("DELETE FROM Comment c WHERE c.noteId = :note")
                .setParameter("note", noteId)
                .executeUpdate();
    }

    /** Plain JDBC on the same data source, with a parameter. */
    public long count(long noteId) {
        try (Connection connection = dataSource.getConnection()) {
            return count(connection, noteId);
        } catch (SQLException e) {
            throw new NoteStoreException("could not count the comments of note " + noteId, e);
        }
    }

    /**
     * Plain JDBC through {@link DriverManager} and a {@code jdbc:measured:} URL, as tools configured
     * with a driver and a URL connect, on the same in-memory database.
     */
    public long countThroughDriver(long noteId) {
        try (Connection connection = DriverManager.getConnection("jdbc:measured:h2:mem:measured-demo;DB_CLOSE_DELAY=-1",
                "sa", "sa")) {
            return count(connection, noteId);
        } catch (SQLException e) {
            throw new NoteStoreException("could not count the comments of note " + noteId + " through the driver", e);
        }
    }

    private static long count(Connection connection, long noteId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM DEMO_COMMENT WHERE NOTE_ID = ?")) {
            query.setLong(1, noteId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * Plain JDBC with the body as a literal in the SQL text (quotes doubled), as some applications
     * still write it: the recorded text must show {@code ?} in its place.
     */
    public long countWithBody(String body) {
        try (Connection connection = dataSource.getConnection();
                Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM DEMO_COMMENT WHERE BODY = '"
                        + body.replace("'", "''") + "'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new NoteStoreException("could not count comments by body", e);
        }
    }
}
