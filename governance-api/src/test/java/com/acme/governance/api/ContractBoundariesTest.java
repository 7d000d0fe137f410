package com.acme.governance.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The published language depends on none of our modules, and on no framework beyond annotations. */
class ContractBoundariesTest {

    private final JavaClasses contract = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.acme.governance.api");

    @Test
    void contractDependsOnNoOtherModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "com.acme.governance.command..", "com.acme.governance.query..", "com.acme.governance.edge..",
                        "com.acme.governance.local..")
                .check(contract);
    }

    @Test
    void contractIsFreeOfSpringAndPersistence() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..")
                .check(contract);
    }
}
