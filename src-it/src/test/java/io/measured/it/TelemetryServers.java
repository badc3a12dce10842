package io.measured.it;

/**
 * The test servers with MicroProfile Telemetry 2 switched on, as a user switches it on; the
 * {@code otel.*} settings that point the exporters at a receiver are given as system properties at
 * start ({@link OtlpReceiver#exporterSettings()}), which both runtimes read through MicroProfile Config.
 */
final class TelemetryServers {

    /** Liberty's feature for MicroProfile Telemetry 2.0 (MicroProfile 7.0, runs beside Jakarta EE 10). */
    static final String LIBERTY_FEATURE = "mpTelemetry-2.0";

    private TelemetryServers() {
    }

    /**
     * Open Liberty with {@value #LIBERTY_FEATURE} added to the features the other Liberty tests use.
     * Liberty hides third-party APIs (OpenTelemetry's among them) from applications unless the
     * application's class loader asks for them, so with {@code apiVisible} the demo's gets
     * {@code apiTypeVisibility="+third-party"}; without it the runtime traces and measures requests
     * but the application cannot load a single OpenTelemetry class. The common library that holds
     * the measured jar for the demo's data source needs the same visibility: Liberty refuses to
     * share a library whose visibility differs from the application's (CWWKL0008W) and gives the
     * application a second copy of its classes, and CDI injection fails between the two.
     */
    static OpenLibertyServer openLiberty(boolean apiVisible) {
        return new OpenLibertyServer().withServerXmlEdit(xml -> {
            String features = replaceOnce(xml, "<feature>mpConfig-3.1</feature>",
                    "<feature>mpConfig-3.1</feature>\n        <feature>" + LIBERTY_FEATURE + "</feature>");
            if (!apiVisible) {
                return features;
            }
            String library = replaceOnce(features, "<library id=\"demoJdbc\">",
                    "<library id=\"demoJdbc\" apiTypeVisibility=\"+third-party\">");
            return replaceOnce(library, "<classloader commonLibraryRef=\"demoJdbc\"/>",
                    "<classloader commonLibraryRef=\"demoJdbc\" apiTypeVisibility=\"+third-party\"/>");
        });
    }

    /**
     * WildFly's web configuration ({@code standalone.xml}, which has the EJB and Faces subsystems
     * the demo needs and {@code standalone-microprofile.xml} lacks) plus the two extensions and
     * subsystems {@code standalone-microprofile.xml} has for telemetry: {@code opentelemetry} (the
     * SDK; its own defaults export gRPC to localhost:4317) and {@code microprofile-telemetry} (which
     * starts from {@code otel.sdk.disabled=true} and lets every {@code otel.*} MicroProfile Config
     * property of the application override the subsystem's settings).
     */
    static WildFlyServer wildFly() {
        return new WildFlyServer().withConfigurationEdit(xml -> replaceOnce(
                replaceOnce(xml, "</extensions>", """
                            <extension module="org.wildfly.extension.opentelemetry"/>
                            <extension module="org.wildfly.extension.microprofile.telemetry"/>
                        </extensions>"""),
                "</profile>", """
                            <subsystem xmlns="urn:wildfly:opentelemetry:1.1"/>
                            <subsystem xmlns="urn:wildfly:microprofile-telemetry:1.0"/>
                        </profile>"""));
    }

    private static String replaceOnce(String text, String anchor, String replacement) {
        int at = text.indexOf(anchor);
        if (at < 0 || text.indexOf(anchor, at + 1) >= 0) {
            throw new IllegalStateException("expected exactly one '" + anchor + "' in the server configuration to"
                    + " switch telemetry on; the configuration changed:\n" + text);
        }
        return text.replace(anchor, replacement);
    }
}
