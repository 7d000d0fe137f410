package com.acme.governance.command;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class CommandBoundariesTest {

    private final JavaClasses command = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.acme.governance.command");

    @Test
    void commandSideNeverImportsQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.acme.governance.query..",
                "com.acme.governance.local..").check(command);
    }

    @Test
    void businessRulesKnowNothingOfTheWebOrKafka() {
        noClasses().that().resideInAnyPackage("com.acme.governance.command.dataproduct",
                        "com.acme.governance.command.policy", "com.acme.governance.command.access")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "org.apache.kafka..", "com.mongodb..")
                .check(command);
    }

    /** Of the shared edge, business rules may raise its plain-Java problems only (ADR 0014). */
    @Test
    void businessRulesUseOnlyTheEdgesProblemVocabulary() {
        noClasses().that().resideInAnyPackage("com.acme.governance.command.dataproduct",
                        "com.acme.governance.command.policy", "com.acme.governance.command.access")
                .should().dependOnClassesThat().resideInAnyPackage("com.acme.governance.edge.web..",
                        "com.acme.governance.edge.security..", "com.acme.governance.edge.mongo..")
                .check(command);
    }
}
