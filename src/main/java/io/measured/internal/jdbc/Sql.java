package io.measured.internal.jdbc;

import io.measured.OperationRecorder;
import io.measured.internal.stats.Outcomes;
import java.util.Map;

/**
 * One SQL text as recorded: its operation recorder ({@code <VERB> <first table>}) and the metadata
 * of a successful execution, built once so that recording a success allocates nothing.
 * Immutable and thread-safe.
 */
final class Sql {

    static final String SQL = "sql";
    static final String SQL_STATE = "sql_state";
    static final String BATCH_SIZE = "batch_size";

    final OperationRecorder recorder;
    final String text;
    final Map<String, String> success;

    Sql(OperationRecorder recorder, String text) {
        this.recorder = recorder;
        this.text = text;
        this.success = Map.of(SQL, text, Outcomes.OUTCOME, Outcomes.SUCCESS);
    }
}
