package io.measured.internal.rest;

import io.measured.internal.buffer.SamplingRates;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/**
 * The body of {@code PUT /metrics/sampling/{type}}: exactly {@code {"rate": <number within 0..1>}},
 * read to its end, so that a second field of the same name, a second value or trailing text is
 * refused, not ignored; a number too large for the parser is refused as any other bad rate.
 * Stateless.
 */
final class SamplingRateBody {

    private static final String SEND = "send {\"rate\": <number within 0.0 .. 1.0>}";

    private SamplingRateBody() {
    }

    static double rate(String body) throws BadRequestException {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("request body is empty; " + SEND);
        }
        JsonValue rate;
        try (JsonParser parser = Json.createParser(new StringReader(body))) {
            rate = onlyRate(parser);
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new BadRequestException("request body is not valid JSON; " + SEND);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new BadRequestException("body field 'rate' is a number out of any range; valid values are numbers within 0.0 .. 1.0");
        }
        if (!(rate instanceof JsonNumber number)) {
            throw new BadRequestException("body field 'rate'=" + QueryParameters.shown(String.valueOf(rate))
                    + " is not valid; valid values are numbers within 0.0 .. 1.0");
        }
        double value = number.doubleValue();
        try {
            SamplingRates.checkRate("body field 'rate'", value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return value;
    }

    /** The value of the one field {@code rate} of the one object the text holds; null when it is not so shaped. */
    private static JsonValue onlyRate(JsonParser parser) throws BadRequestException {
        BadRequestException shape = new BadRequestException(
                "request body must be an object with the one field 'rate', such as {\"rate\": 0.5}");
        if (parser.next() != JsonParser.Event.START_OBJECT) {
            throw shape;
        }
        JsonValue rate = null;
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_OBJECT; event = parser.next()) {
            if (rate != null || !"rate".equals(parser.getString())) {
                throw shape;
            }
            parser.next();
            rate = parser.getValue();
        }
        if (rate == null) {
            throw shape;
        }
        if (parser.hasNext()) {
            throw new BadRequestException("request body holds more than one JSON value; " + SEND);
        }
        return rate;
    }
}
