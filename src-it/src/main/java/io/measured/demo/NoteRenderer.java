package io.measured.demo;

import io.measured.Measured;
import io.measured.OperationType;
import jakarta.enterprise.context.ApplicationScoped;

/** Renders notes as HTML; every call is timed as RENDER. */
@ApplicationScoped
@Measured(type = OperationType.RENDER)
public class NoteRenderer {

    public String render(Note note) {
        return "<article><h1>" + escape(note.title()) + "</h1><p>" + escape(note.body()) + "</p></article>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
