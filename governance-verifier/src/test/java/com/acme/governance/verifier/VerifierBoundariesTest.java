package com.acme.governance.verifier;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The auditor's jar runs on the contract, Jackson and the JDK: no framework, none of the services. */
class VerifierBoundariesTest {

    private final JavaClasses verifier = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.acme.governance.verifier");

    @Test
    void verifierDependsOnTheContractJacksonAndTheJdkOnly() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage(
                        "com.acme.governance.verifier..", "com.acme.governance.api..", "com.fasterxml.jackson..",
                        "java..")
                .check(verifier);
    }
}
