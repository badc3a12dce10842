package io.measured.demo;

/** A note as stored and as written in JSON. */
public record Note(long id, String title, String body) {
}
