package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpositionFormatTest {

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "NULL|JSON",
        "''|JSON",
        "*/*|JSON",
        "application/json|JSON",
        "text/plain|PROMETHEUS",
        "text/plain; version=0.0.4|PROMETHEUS",
        "text/*|PROMETHEUS",
        "application/openmetrics-text|OPENMETRICS",
        "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1|OPENMETRICS",
        "text/plain;q=0.5, application/json|JSON",
        "application/json;q=0.2, text/plain|PROMETHEUS",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|HTML",
        "text/html|HTML",
        "text/html;q=0.5, application/json|JSON",
        "text/html;q=0, */*|JSON",
        "application/*|JSON",
        "*/*, text/plain;q=0|JSON",
        "text/*, text/plain;q=0|HTML",
        "text/*, text/plain;q=0, text/html;q=0|NONE",
        "image/png|NONE",
        "application/json;q=0|NONE",
        "'application/json;q=0, */*'|PROMETHEUS",
        "'*/*;q=0.5, application/json;q=0, text/html;q=0.4'|PROMETHEUS",
        "'application/*;q=0.3, application/openmetrics-text'|OPENMETRICS",
        "'text/plain, application/json'|PROMETHEUS",
        "'application/json, text/plain'|JSON",
        "'*/*, text/plain'|PROMETHEUS",
        "garbage|NONE",
        "text/plain;q=abc, application/openmetrics-text;q=0.1|OPENMETRICS",
    })
    void choosesByQualityThenSpecificity(String accept, String expected) {
        assertThat(ExpositionFormat.choose(accept).map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }
}
