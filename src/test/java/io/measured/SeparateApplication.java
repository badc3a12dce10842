package io.measured;

import java.io.File;
import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A second application in this JVM, as a server runs applications side by side: its own class
 * loader (parent: the JDK's platform loader) with its own copy of the library, of CDI and of
 * Weld, and its own started container, reached only by reflection and JDK types.
 */
final class SeparateApplication implements AutoCloseable {

    private final URLClassLoader loader;
    private final AutoCloseable container;
    private final Object buffer;

    private SeparateApplication(URLClassLoader loader, AutoCloseable container, Object buffer) {
        this.loader = loader;
        this.container = container;
        this.buffer = buffer;
    }

    /** Starts the application's container with the given settings, on a thread of its own class loader. */
    static SeparateApplication start(Map<String, String> settings) throws Exception {
        URLClassLoader loader = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader());
        java.lang.reflect.Method start = loader.loadClass(MeasuredContainers.class.getName())
                .getDeclaredMethod("start", Map.class, Class[].class);
        start.setAccessible(true);
        AutoCloseable container = onThreadOf(loader, () -> (AutoCloseable) start.invoke(null, settings, new Class<?>[0]));
        Object instance = container.getClass().getMethod("select", Class.class, Annotation[].class)
                .invoke(container, loader.loadClass(MetricsBuffer.class.getName()), new Annotation[0]);
        Object buffer = loader.loadClass("jakarta.inject.Provider").getMethod("get").invoke(instance);
        return new SeparateApplication(loader, container, buffer);
    }

    private static URL[] classPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return urls.toArray(new URL[0]);
    }

    /** Runs {@code work} as this application's threads run: with its class loader as the context class loader. */
    <T> T run(Callable<T> work) throws Exception {
        return onThreadOf(loader, work);
    }

    static <T> T onThreadOf(ClassLoader application, Callable<T> work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            return work.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    /** Its buffer's metrics as (operation name, metadata) pairs, oldest first. */
    List<Map.Entry<String, Map<?, ?>>> recorded() throws Exception {
        Class<?> metric = loader.loadClass(Metric.class.getName());
        List<Map.Entry<String, Map<?, ?>>> found = new ArrayList<>();
        for (Object each : (List<?>) loader.loadClass(MetricsBuffer.class.getName()).getMethod("getAll").invoke(buffer)) {
            found.add(Map.entry((String) metric.getMethod("operationName").invoke(each),
                    (Map<?, ?>) metric.getMethod("metadata").invoke(each)));
        }
        return found;
    }

    ClassLoader loader() {
        return loader;
    }

    /** Ends the application's container on its own thread, then closes its class loader. */
    @Override
    public void close() throws Exception {
        try {
            run(() -> {
                container.close();
                return null;
            });
        } finally {
            loader.close();
        }
    }
}
