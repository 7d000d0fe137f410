package com.acme.governance.contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The compatibility checks know the contract and their libraries: no service, no framework, no store. */
class ContractsBoundariesTest {

    private final JavaClasses checks = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.acme.governance.contracts");

    @Test
    void theChecksDependOnTheContractOnly() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.acme.governance.command..",
                "com.acme.governance.query..", "com.acme.governance.edge..", "com.acme.governance.local..")
                .check(checks);
    }

    @Test
    void theChecksAreFreeOfSpringAndStores() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                "org.bson..", "org.apache.kafka..")
                .check(checks);
    }

    @Test
    void onlyTheFacadeAndItsAnswersArePublic() {
        noClasses().that().haveSimpleNameEndingWith("Language").should().bePublic().check(checks);
    }
}
