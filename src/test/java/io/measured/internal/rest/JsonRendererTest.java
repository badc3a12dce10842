package io.measured.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JsonRendererTest {

    /** The test's class path with JSON-B's API and implementation left out, as a Jackson-only Quarkus application has it. */
    private static final class WithoutJsonb extends URLClassLoader {

        WithoutJsonb(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        private static boolean hidden(String name) {
            return name.startsWith("jakarta.json.bind") || name.startsWith("jakarta/json/bind")
                    || name.startsWith("org.eclipse.yasson") || name.startsWith("org/eclipse/yasson");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (hidden(name)) {
                throw new ClassNotFoundException(name + " (hidden by the test)");
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL findResource(String name) {
            return hidden(name) ? null : super.findResource(name);
        }
    }

    @Test
    @DisplayName("writes JSON with its own JSON-B, in snake case")
    void writesJson() throws Exception {
        JsonRenderer renderer = new JsonRenderer();
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        renderer.write(Map.of("totalCount", 3), out);

        assertThat(renderer.available()).isTrue();
        assertThat(renderer.absence()).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"totalCount\":3}");
    }

    @Test
    @DisplayName("where the application has no JSON-B (Quarkus on Jackson alone) it still loads and names what to add")
    void withoutJsonbItLoadsAndSaysWhatIsMissing() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        try (URLClassLoader withoutJsonb = new WithoutJsonb(urls.toArray(URL[]::new))) {
            assertThat(withoutJsonb.getResource("jakarta/json/bind/Jsonb.class")).as("JSON-B hidden").isNull();
            Class<?> rendererClass = withoutJsonb.loadClass(JsonRenderer.class.getName());
            Constructor<?> constructor = rendererClass.getDeclaredConstructor();
            Object renderer = constructor.newInstance();
            Method available = rendererClass.getDeclaredMethod("available");
            available.setAccessible(true);
            Method absence = rendererClass.getDeclaredMethod("absence");
            absence.setAccessible(true);

            assertThat(available.invoke(renderer)).isEqualTo(false);
            assertThat((String) absence.invoke(renderer)).contains("jakarta/json/bind", "io.quarkus:quarkus-jsonb",
                    "org.eclipse:yasson", "Accept: text/plain");
        }
    }
}
