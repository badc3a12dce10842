package io.measured.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The records of a server's log that a user would take for trouble with measured: a warning or an
 * error whose message names it, or an exception thrown in its code, at any level. A stack trace
 * that merely passes through its wrappers or its interceptor (the database refusing a statement,
 * the application's own exception) is the application's, not measured's. A record is a line that
 * starts with a time or a bracketed level or time (WildFly, the GlassFish family, Open Liberty) and
 * the lines after it that do not.
 */
final class MeasuredLogRecords {

    private static final Pattern RECORD_START = Pattern.compile("^(\\u001B\\[[0-9;]*m)*(\\d|\\[)");
    private static final Pattern WARNING_OR_ERROR = Pattern.compile(
            "\\b(WARN|WARNING|SEVERE|ERROR)\\b|\\] [WE] |[A-Z]{4,5}\\d{4}[WE]:");
    private static final Pattern FRAME = Pattern.compile("^\\s*at \\S");
    /** A stack frame of the library (WildFly writes {@code at io.measured//io.measured...}), not of the demo. */
    private static final Pattern LIBRARY_FRAME = Pattern.compile("\\bat \\S*\\bio\\.measured\\.(?!demo\\.)");
    /** The demo's package, whose exceptions are the application's own. */
    private static final String DEMO = "io.measured.demo.";

    private MeasuredLogRecords() {
    }

    /** The records of {@code log} that a user would take for trouble with measured. */
    static List<String> troubleIn(String log) {
        List<String> trouble = new ArrayList<>();
        List<String> record = new ArrayList<>();
        for (String line : log.split("\n", -1)) {
            if (RECORD_START.matcher(line).find()) {
                keepIfTrouble(record, trouble);
                record.clear();
            }
            record.add(line);
        }
        keepIfTrouble(record, trouble);
        return trouble;
    }

    private static void keepIfTrouble(List<String> record, List<String> trouble) {
        if (record.isEmpty()) {
            return;
        }
        boolean warns = WARNING_OR_ERROR.matcher(record.get(0)).find();
        boolean messageNamesMeasured = false;
        boolean thrownByMeasured = false;
        for (int i = 0; i < record.size(); i++) {
            String line = record.get(i);
            if (!FRAME.matcher(line).find()) {
                messageNamesMeasured |= line.toLowerCase(Locale.ROOT).replace(DEMO, "").contains("measured");
            } else if (i == 0 || !FRAME.matcher(record.get(i - 1)).find()) {
                thrownByMeasured |= LIBRARY_FRAME.matcher(line).find(); // the frame that threw
            }
        }
        if (warns && messageNamesMeasured || thrownByMeasured) {
            trouble.add(String.join("\n", record).strip());
        }
    }
}
