package io.measured.demo;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A comment on a note, stored through JPA (the server's own provider) on the measured data source. */
@Entity
@Table(name = "DEMO_COMMENT")
public class Comment {

    /** Assigned by the application, so no provider's key generation is involved. */
    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "NOTE_ID", nullable = false)
    private long noteId;

    @Column(name = "BODY", nullable = false, length = 500)
    private String body;

    protected Comment() {
    }

    public Comment(String id, long noteId, String body) {
        this.id = id;
        this.noteId = noteId;
        this.body = body;
    }

    public String getId() {
        return id;
    }

    public long getNoteId() {
        return noteId;
    }

    public String getBody() {
        return body;
    }
}
