package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every request the application serves, timed once by the servlet-level filter under a bounded
 * name: JAX-RS templates (also of inherited resource methods, and whole templates through
 * sub-resource locators), Faces views and postbacks with their render phase, servlet mappings,
 * static files, 404s, server errors, invented methods and async servlets; the JAX-RS rules
 * ({@link JaxRsTimingContract}, sub-resource locators among them) as well.
 */
interface HttpTimingContract extends JaxRsTimingContract {

    @Test
    @DisplayName("each kind of request is timed exactly once, under its template, view or servlet mapping")
    default void everyRequestIsTimedOnceUnderABoundedName() throws Exception {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("api/tags/7", "http GET /tags/{id}");
        requests.put("api/labels/7", "http GET /labels/{id}");
        requests.put("hello/anything/below", "http GET /hello/*");
        requests.put("static/hello.txt", "http GET /");
        requests.put("no-such-file.txt", "http GET (unmatched)");
        requests.put("api/no-such-resource", "http GET (unmatched)");
        Operations before = Operations.of(http());
        for (Map.Entry<String, String> request : requests.entrySet()) {
            http().get(request.getKey());
        }
        Operations after = Operations.of(http());
        Map<String, Long> recorded = after.changedSince(before, "http");
        assertThat(recorded).as("HTTP operations recorded for %s", requests.keySet()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "http GET /tags/{id}", 1L, "http GET /labels/{id}", 1L, "http GET /hello/*", 1L,
                "http GET /", 1L, "http GET (unmatched)", 2L));
    }

    @Test
    @DisplayName("an asynchronous servlet is timed until its AsyncContext completes")
    default void asyncServletsAreTimedToCompletion() throws Exception {
        Operations before = Operations.of(http());
        HttpResponse<String> response = http().get("async?ms=300");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("waited 300");
        Operations after = Operations.awaitCalls(http(), before, "http GET /async", 1);
        assertThat(after.count("http GET /async") - before.count("http GET /async")).as("calls").isEqualTo(1);
        assertThat(after.maxMs("http GET /async")).as("max_duration_ms").isGreaterThanOrEqualTo(300);
    }

    @Test
    @DisplayName("a Faces view that fails while rendering is a RENDER error, and the request a server error")
    default void aFailingRenderIsAnError() throws Exception {
        Operations before = Operations.of(http());
        assertThat(http().get("broken.xhtml").statusCode()).isEqualTo(500);
        Operations after = Operations.of(http());
        assertThat(after.count("render /broken.xhtml") - before.count("render /broken.xhtml")).isEqualTo(1);
        assertThat(after.errors("render /broken.xhtml") - before.errors("render /broken.xhtml")).isEqualTo(1);
        assertThat(after.errors("http GET /broken.xhtml") - before.errors("http GET /broken.xhtml")).isEqualTo(1);
    }

    /** The hidden inputs of a page, as a browser submits them (Mojarra and MyFaces each add their own). */
    private static Map<String, String> hiddenInputs(String html) {
        Map<String, String> inputs = new LinkedHashMap<>();
        Matcher tag = Pattern.compile("<input\\b[^>]*>").matcher(html);
        while (tag.find()) {
            String input = tag.group();
            String type = attribute(input, "type");
            String name = attribute(input, "name");
            if ("hidden".equals(type) && name != null) {
                String value = attribute(input, "value");
                inputs.put(name, value == null ? "" : value);
            }
        }
        return inputs;
    }

    private static String attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? value.group(1) : null;
    }

    @Test
    @DisplayName("a Faces page and its postback are timed by view id, with the render phase as RENDER")
    default void facesViewsAndPostbacksAreTimed() throws Exception {
        Http browser = Http.withCookies(http().base());
        Operations before = Operations.of(http());
        HttpResponse<String> page = browser.get("booking.xhtml");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        Map<String, String> form = hiddenInputs(page.body());
        assertThat(form).as("hidden inputs of %s", page.body()).containsKey("jakarta.faces.ViewState");
        Matcher action = Pattern.compile("<form id=\"booking\"[^>]*action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).as("the form's action in %s", page.body()).isTrue();
        String target = action.group(1).replace("&amp;", "&");
        String path = target.substring(target.indexOf("booking.xhtml"));

        form.put("booking:destination", "rotterdam");
        form.put("booking:confirm", "Confirm");
        HttpResponse<String> postback = browser.postForm(path, form);
        assertThat(postback.statusCode()).as(postback.body()).isEqualTo(200);
        assertThat(postback.body()).contains("Destination: ROTTERDAM");

        Operations after = Operations.of(http());
        assertThat(after.count("http GET /booking.xhtml") - before.count("http GET /booking.xhtml")).isEqualTo(1);
        assertThat(after.count("http POST /booking.xhtml") - before.count("http POST /booking.xhtml")).isEqualTo(1);
        assertThat(after.count("render /booking.xhtml") - before.count("render /booking.xhtml")).isEqualTo(2);
        assertThat(after.count("service BookingWizard.confirm") - before.count("service BookingWizard.confirm"))
                .isEqualTo(1);
    }
}
