package com.acme.governance.edge;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The shared edge knows the contract and nothing else of ours (ADR 0014). */
class EdgeBoundariesTest {

    private final JavaClasses edge = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.acme.governance.edge");

    @Test
    void edgeDependsOnTheContractOnly() {
        noClasses().should().dependOnClassesThat(resideInAPackage("com.acme.governance..")
                        .and(not(resideInAnyPackage("com.acme.governance.api..", "com.acme.governance.edge.."))))
                .because("both services depend on the edge, so it can know neither of them")
                .check(edge);
    }

    @Test
    void theProblemVocabularyIsPlainJavaSoBusinessRulesMayRaiseIt() {
        classes().that().resideInAPackage("com.acme.governance.edge.problem..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.acme.governance.edge.problem..")
                .check(edge);
    }
}
