package io.measured.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: it loads with no console error and no CSP violation, shows the
 * demo's operations and recent calls, updates after new traffic, names a request that failed in a
 * visible banner, sorts and filters, and shows a hostile operation name as text without running
 * it. Run against a server with default settings and one with {@code measured.buffer.size=5}.
 * Screenshots go to {@code target/screenshots}.
 */
interface DashboardContract {

    Http http() throws Exception;

    /** A short name of the server, for screenshot files. */
    String serverKey();

    private static String url(Http http) {
        return http.base().resolve("api/metrics/dashboard").toString();
    }

    /**
     * One column of the operations table, read in one script call: the page redraws the table every
     * few seconds, and reading cell by cell through WebDriver could meet rows already replaced.
     */
    @SuppressWarnings("unchecked")
    private static List<String> column(Browser browser, int index) {
        return (List<String>) browser.driver.executeScript("var i = arguments[0];"
                + " return Array.from(document.querySelectorAll('#operations tbody tr'))"
                + ".map(function (row) { return row.cells[i].textContent; });", index);
    }

    /** The calls of one operation as its row shows them, or -1 when it has no row; one script call. */
    private static long calls(Browser browser, String operation) {
        Object shown = browser.driver.executeScript("var name = arguments[0];"
                + " var row = Array.from(document.querySelectorAll('#operations tbody tr'))"
                + ".find(function (r) { return r.cells[1].textContent === name; });"
                + " return row ? row.cells[2].textContent : null;", operation);
        return shown == null ? -1 : Long.parseLong((String) shown);
    }

    private static WebDriverWait waiting(Browser browser) {
        return new WebDriverWait(browser.driver, Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("the dashboard loads without console errors, shows the operations, and updates after new traffic")
    default void showsAndUpdatesTheOperations() throws Exception {
        http().get("api/notes");
        try (Browser browser = Browser.open(1280, 800)) {
            browser.driver.get(url(http()));
            waiting(browser).until(d -> column(browser, 1).contains("GET /notes"));
            assertThat(browser.driver.getTitle()).contains("measured");
            assertThat(browser.driver.findElements(By.cssSelector("#types .card"))).hasSize(4);
            long before = calls(browser, "GET /notes");
            for (int i = 0; i < 3; i++) {
                http().get("api/notes");
            }
            waiting(browser).until(d -> calls(browser, "GET /notes") >= before + 3);
            waiting(browser).until(d -> !d.findElements(By.cssSelector("#slow tbody tr")).isEmpty());
            assertThat(browser.driver.findElements(By.cssSelector("#slow tbody tr"))).as("slowest recent calls")
                    .hasSizeBetween(1, 10);
            assertThat(browser.driver.findElement(By.id("problems")).isDisplayed()).as("the error banner").isFalse();
            assertThat(browser.driver.findElement(By.id("status")).getText()).startsWith("updated");
            browser.screenshot("dashboard-" + serverKey() + "-1280x800");
            assertThat(browser.consoleErrors()).as("console errors and CSP violations").isEmpty();
        }
    }

    @Test
    @DisplayName("a request of the page that fails shows a visible error naming it, and the other sections still update")
    default void aFailedRequestShowsAVisibleError() throws Exception {
        http().get("api/notes");
        try (Browser browser = Browser.open(1280, 800)) {
            browser.driver.get(url(http()));
            waiting(browser).until(d -> column(browser, 1).contains("GET /notes"));
            // From now on the page's requests for recent calls answer 400, as they did for small buffers.
            browser.driver.executeScript("var real = window.fetch; window.fetch = function (url, options) {"
                    + " return String(url).indexOf('/recent') < 0 ? real.call(window, url, options)"
                    + " : Promise.resolve(new Response('{\"error\": \"refused by the test\"}', {status: 400})); };");
            long before = calls(browser, "GET /notes");
            http().get("api/notes");
            WebElement banner = browser.driver.findElement(By.id("problems"));
            waiting(browser).until(d -> banner.isDisplayed());
            assertThat(banner.getText()).contains("/recent?limit=", "answered 400", "refused by the test");
            assertThat(browser.driver.findElement(By.id("status")).getText()).startsWith("update failed");
            waiting(browser).until(d -> calls(browser, "GET /notes") >= before + 1);
            browser.screenshot("dashboard-" + serverKey() + "-failed-request");
        }
    }

    @Test
    @DisplayName("the operations table sorts by a column and filters by type and text")
    default void sortsAndFilters() throws Exception {
        http().get("api/notes");
        http().get("api/notes/archive");
        try (Browser browser = Browser.open(1280, 800)) {
            browser.driver.get(url(http()));
            waiting(browser).until(d -> column(browser, 1).contains("GET /notes/archive"));
            WebElement byName = browser.driver.findElement(By.cssSelector("button[data-sort='operation_name']"));
            byName.click();
            List<String> names = column(browser, 1);
            assertThat(names).isSortedAccordingTo(String::compareTo);
            byName.click();
            assertThat(column(browser, 1)).isSortedAccordingTo((a, b) -> b.compareTo(a));
            assertThat(byName.findElement(By.xpath("..")).getAttribute("aria-sort")).isEqualTo("descending");

            browser.driver.findElement(By.id("text-filter")).sendKeys("archive");
            assertThat(column(browser, 1)).isNotEmpty().allSatisfy(name -> assertThat(name).containsIgnoringCase("archive"));
            browser.driver.findElement(By.id("text-filter")).clear();
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("type-filter"))).selectByValue("http");
            waiting(browser).until(d -> !column(browser, 0).isEmpty());
            assertThat(column(browser, 0)).allSatisfy(type -> assertThat(type).isEqualTo("http"));
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }

    @Test
    @DisplayName("a hostile operation name shows as text and runs nothing, also on a phone-width screen")
    default void hostileNamesAreText() throws Exception {
        assertThat(http().get("api/tasks/hostile").statusCode()).isEqualTo(200);
        String hostile = "<img src=x onerror=\"window.measuredXss=1\"> & 'quoted'";
        try (Browser browser = Browser.open(390, 844)) {
            browser.driver.get(url(http()));
            waiting(browser).until(d -> column(browser, 1).contains(hostile));
            assertThat(browser.driver.findElements(By.cssSelector("#operations img"))).isEmpty();
            assertThat(browser.driver.executeScript("return window.measuredXss === undefined")).isEqualTo(true);
            browser.screenshot("dashboard-" + serverKey() + "-phone");
            assertThat(browser.consoleErrors()).isEmpty();
        }
    }
}
