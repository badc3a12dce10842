package io.measured.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The demo's JAX-RS root; the library's /metrics resource and HTTP timing are found by scanning. */
@ApplicationPath("/api")
public class DemoApplication extends Application {
}
