package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentCodingTest {

    @ParameterizedTest(name = "Accept-Encoding: {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL|IDENTITY",
        "''|IDENTITY",
        "' '|IDENTITY",
        "gzip|GZIP",
        "GZip|GZIP",
        "x-gzip|GZIP",
        "gzip, deflate, br|GZIP",
        "'gzip, deflate, br, zstd'|GZIP",
        "br|IDENTITY",
        "deflate|IDENTITY",
        "identity|IDENTITY",
        "*|GZIP",
        "'*;q=0.5'|GZIP",
        "gzip;q=0|IDENTITY",
        "'gzip;q=0, *'|IDENTITY",
        "'*, gzip;q=0'|IDENTITY",
        "'gzip;q=0.5, identity'|IDENTITY",
        "'gzip;q=0.5, identity;q=0.5'|GZIP",
        "'identity;q=0.2, gzip;q=0.9'|GZIP",
        "'identity;q=0'|NONE",
        "'identity;q=0, gzip'|GZIP",
        "'*;q=0'|NONE",
        "'*;q=0, identity'|IDENTITY",
        "'br, identity;q=0'|NONE",
        "'gzip;q=abc'|IDENTITY",
        "'gzip;q=2'|IDENTITY",
        "'gzip;q=-1, identity;q=0'|NONE",
        "',,gzip,,'|GZIP",
        "'gzip ; q=0.8'|GZIP",
        "'gzip;q=0.8, identity;q=0.9'|IDENTITY",
    })
    void choosesByQuality(String acceptEncoding, String expected) {
        assertThat(ContentCoding.choose(acceptEncoding).map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }
}
