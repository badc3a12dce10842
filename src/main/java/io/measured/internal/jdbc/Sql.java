package io.measured.internal.jdbc;

import io.measured.internal.stats.Outcomes;
import java.util.Map;

/**
 * One SQL text as recorded: its operation recorder ({@code <VERB> <first table>}), and one bound to
 * the metadata of a successful execution, checked once so that recording a success allocates
 * nothing. Immutable and thread-safe.
 */
final class Sql {

    static final String SQL = "sql";
    static final String SQL_STATE = "sql_state";
    static final String BATCH_SIZE = "batch_size";

    final DatabaseRecorder recorder;
    final String text;
    final DatabaseRecorder success;

    Sql(DatabaseRecorder recorder, String text) {
        this.recorder = recorder;
        this.text = text;
        this.success = recorder.withMetadata(Map.of(SQL, text, Outcomes.OUTCOME, Outcomes.SUCCESS));
    }
}
