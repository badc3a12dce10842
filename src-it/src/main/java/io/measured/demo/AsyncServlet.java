package io.measured.demo;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * An asynchronous servlet that answers after {@code ms} milliseconds on another thread: timed until
 * its AsyncContext completes, not until doGet returns.
 */
@WebServlet(urlPatterns = "/async", asyncSupported = true)
public class AsyncServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int millis;
        try {
            millis = Integer.parseInt(request.getParameter("ms"));
        } catch (NumberFormatException e) {
            response.sendError(400, "ms must be a whole number");
            return;
        }
        if (millis < 0 || millis > 2000) {
            response.sendError(400, "ms must be within 0 .. 2000");
            return;
        }
        AsyncContext async = request.startAsync();
        async.start(() -> {
            try {
                Thread.sleep(millis);
                async.getResponse().setContentType("text/plain");
                async.getResponse().getWriter().print("waited " + millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } finally {
                async.complete();
            }
        });
    }
}
