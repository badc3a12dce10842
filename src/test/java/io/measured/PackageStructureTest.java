package io.measured;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The library's packages depend on each other in one direction only: the public packages are a
 * facade over internal ones, which never depend back on them through the core.
 */
class PackageStructureTest {

    private static final JavaClasses LIBRARY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.measured");

    @Test
    @DisplayName("no two packages of the library depend on each other, directly or through others")
    void packagesAreFreeOfCycles() {
        // "(**)" makes each package its own slice, the public io.measured included.
        slices().matching("(**)").should().beFreeOfCycles().check(LIBRARY);
    }

    @Test
    @DisplayName("the recording core (buffer and statistics) knows nothing of the public types or of Jakarta")
    void theCoreDependsOnNeitherThePublicPackageNorJakarta() {
        noClasses().that().resideInAnyPackage("io.measured.internal.buffer..", "io.measured.internal.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("io.measured", "io.measured.jdbc", "jakarta..")
                .check(LIBRARY);
    }
}
