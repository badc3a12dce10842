package io.measured.demo;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Notes through plain JDBC on the application's measured data source: on the EE servers the one
 * {@link DemoDataSource} defines (offered as a bean by {@link DemoDataSourceProducer}), on Quarkus
 * the default Agroal data source on a {@code jdbc:measured:} URL. Every call is timed as DATABASE,
 * and so is every statement it runs.
 */
@ApplicationScoped
@Measured(type = OperationType.DATABASE)
public class NoteRepository {

    @Inject
    DataSource dataSource;

    @PostConstruct
    void createTable() {
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "DEMO_NOTE", null)) {
                if (tables.next()) {
                    return;
                }
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE DEMO_NOTE (ID BIGINT NOT NULL PRIMARY KEY,"
                        + " TITLE VARCHAR(200) NOT NULL, BODY VARCHAR(4000) NOT NULL)");
            }
        } catch (SQLException e) {
            throw new NoteStoreException("could not create the note table", e);
        }
    }

    public List<Note> findAll() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT ID, TITLE, BODY FROM DEMO_NOTE ORDER BY ID");
                ResultSet rows = query.executeQuery()) {
            List<Note> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(new Note(rows.getLong(1), rows.getString(2), rows.getString(3)));
            }
            return notes;
        } catch (SQLException e) {
            throw new NoteStoreException("could not list notes", e);
        }
    }

    public Optional<Note> findById(long id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT ID, TITLE, BODY FROM DEMO_NOTE WHERE ID = ?")) {
            query.setLong(1, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Note(rows.getLong(1), rows.getString(2), rows.getString(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new NoteStoreException("could not read note " + id, e);
        }
    }

    public Note create(String title, String body) {
        try (Connection connection = dataSource.getConnection()) {
            long id;
            try (Statement max = connection.createStatement();
                    ResultSet rows = max.executeQuery("SELECT COALESCE(MAX(ID), 0) + 1 FROM DEMO_NOTE")) {
                rows.next();
                id = rows.getLong(1);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DEMO_NOTE (ID, TITLE, BODY) VALUES (?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, title);
                insert.setString(3, body);
                insert.executeUpdate();
            }
            return new Note(id, title, body);
        } catch (SQLException e) {
            throw new NoteStoreException("could not store the note", e);
        }
    }

    /** Queries a table that does not exist: a real failure from the real database. */
    public List<Note> findArchived() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT ID FROM DEMO_NOTE_ARCHIVE");
                ResultSet rows = query.executeQuery()) {
            return List.of();
        } catch (SQLException e) {
            throw new NoteStoreException("the note archive is unavailable", e);
        }
    }
}
