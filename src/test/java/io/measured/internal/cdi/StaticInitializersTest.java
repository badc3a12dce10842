package io.measured.internal.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StaticInitializersTest {

    /**
     * A class file names {@code <clinit>} in its constant pool exactly when it declares a static
     * initializer; the compiled library is the truth the list must follow.
     */
    @Test
    void listsEveryLibraryClassWithAStaticInitializer() throws IOException, URISyntaxException {
        Path classes = Path.of(EagerStart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> withInitializer;
        try (Stream<Path> files = Files.walk(classes)) {
            withInitializer = files.filter(f -> f.toString().endsWith(".class"))
                    .filter(StaticInitializersTest::declaresStaticInitializer)
                    .map(f -> classes.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", ""))
                    .sorted().toList();
        }
        assertThat(withInitializer).as("classes compiled with a static initializer").isNotEmpty();
        assertThat(StaticInitializers.CLASSES).as("StaticInitializers.CLASSES, which must list exactly these")
                .containsExactlyInAnyOrderElementsOf(withInitializer);
    }

    private static boolean declaresStaticInitializer(Path classFile) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains("<clinit>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
