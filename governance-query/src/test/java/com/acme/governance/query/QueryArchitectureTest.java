package com.acme.governance.query;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.beans.factory.annotation.AnnotatedGenericBeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.stereotype.Component;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "com.acme.governance.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryArchitectureTest {

    /** Positions, parked records and the database itself: ingestion's own records, kept as driver documents. */
    private static final String[] BOOKKEEPING = {"..query.config..", "..query.ingestion..", "..query.consistency..",
            "..query.parking..", "..query.rebuild.."};

    @ArchTest
    static final ArchRule readModelsUseThePlainDriver = noClasses().should()
            .dependOnClassesThat().resideInAPackage("org.springframework.data..")
            .because("the read models are written with the plain MongoDB driver, not Spring Data (ADR 0015)");

    @ArchTest
    static final ArchRule readModelsAreMappedByTheDriversCodecs = noClasses()
            .that().resideOutsideOfPackages(BOOKKEEPING)
            .should().dependOnClassesThat().belongToAnyOf(org.bson.Document.class)
            .because("each read model is a record that the driver's record codec stores and reads; no feature "
                    + "builds or picks apart documents by hand, only the ingestion bookkeeping does (ADR 0015)");

    @ArchTest
    static final ArchRule independentOfTheCommandSide = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("com.acme.governance.command..", "com.acme.governance.local..")
            .because("the query side knows the command side only through governance-api, governance-edge and Kafka");

    @ArchTest
    static final ArchRule scannedBeansHaveModulePrefixedNames = classes()
            .that().areMetaAnnotatedWith(Component.class)
            .and().doNotHaveSimpleName("GovernanceQueryApplication")
            .should(haveABeanNameStartingWith("query"))
            .because("the launcher scans both modules into one context, where equal bean names clash");

    /** Each feature brings its own wiring and problem answers; the shared packages (config, web) name none of them. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("com.acme.governance.query.(*)..")
            .should().beFreeOfCycles();

    private static ArchCondition<JavaClass> haveABeanNameStartingWith(String prefix) {
        return new ArchCondition<>("have a bean name starting with '" + prefix + "'") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(
                        new AnnotatedGenericBeanDefinition(javaClass.reflect()), new SimpleBeanDefinitionRegistry());
                events.add(new SimpleConditionEvent(javaClass, name.startsWith(prefix),
                        javaClass.getName() + " is scanned as bean '" + name + "'"));
            }
        };
    }
}
