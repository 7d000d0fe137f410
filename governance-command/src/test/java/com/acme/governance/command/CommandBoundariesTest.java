package com.acme.governance.command;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class CommandBoundariesTest {

    private final JavaClasses command = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.acme.governance.command");

    @Test
    void commandSideNeverImportsQuerySide() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.acme.governance.query..",
                "com.acme.governance.local..").check(command);
    }

    /**
     * The features' packages and every subpackage of them but the controllers ({@code web}), the command side's
     * policy read model ({@code policy.catalog}) and the grants' provisioner on Kafka ({@code access.provisioning});
     * of the audit digests, the ledger's own package (its issuing reads
     * and writes the store).
     */
    @Test
    void businessRulesKnowNothingOfTheWebOrKafka() {
        noClasses().that().resideInAnyPackage(FEATURES).and().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..",
                        "org.springframework.http..", "org.apache.kafka..", "com.mongodb..", "org.bson..")
                .check(command);
    }

    /** Of the shared edge, business rules may raise its plain-Java problems only (ADR 0014). */
    @Test
    void businessRulesUseOnlyTheEdgesProblemVocabulary() {
        noClasses().that().resideInAnyPackage(FEATURES).and().resideOutsideOfPackages(ADAPTERS)
                .should().dependOnClassesThat().resideInAnyPackage("com.acme.governance.edge.web..",
                        "com.acme.governance.edge.security..", "com.acme.governance.edge.mongo..")
                .check(command);
    }

    /**
     * An aggregate and every rule it uses, wherever in this module that rule lives (followed through its
     * dependencies, in any package or subpackage), are plain Java over Axon: no Spring, no store, no broker, no web.
     */
    @Test
    void aggregatesAndTheirRulesKnowNothingOfSpringOrMongo() {
        classes().that().areAnnotatedWith(Aggregate.class)
                .should(useWithTheirRulesNothingIn("org.springframework..", "com.mongodb..", "org.bson..",
                        "org.apache.kafka..", "jakarta.servlet..", "com.acme.governance.edge.web..",
                        "com.acme.governance.edge.security..", "com.acme.governance.edge.mongo.."))
                .check(command);
    }

    /** Each feature brings its own wiring and problem answers; the shared packages name none of them. */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching("com.acme.governance.command.(*)..").should().beFreeOfCycles().check(command);
    }

    /**
     * Follows an aggregate's dependencies through this module's own classes only (a framework's annotation may well
     * know Spring; the aggregate does not, unless through a class of ours) and reports each one into the packages.
     */
    private static ArchCondition<JavaClass> useWithTheirRulesNothingIn(String... packages) {
        DescribedPredicate<JavaClass> forbidden = JavaClass.Predicates.resideInAnyPackage(packages);
        return new ArchCondition<>("use, with the rules they use, nothing in " + String.join(", ", packages)) {
            @Override
            public void check(JavaClass aggregate, ConditionEvents events) {
                Set<JavaClass> seen = new HashSet<>(Set.of(aggregate));
                Deque<JavaClass> next = new ArrayDeque<>(seen);
                while (!next.isEmpty()) {
                    for (Dependency dependency : next.pop().getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        if (forbidden.test(target)) {
                            events.add(SimpleConditionEvent.violated(aggregate,
                                    aggregate.getSimpleName() + ": " + dependency.getDescription()));
                        } else if (target.getPackageName().startsWith(COMMAND) && seen.add(target)) {
                            next.add(target);
                        }
                    }
                }
            }
        };
    }

    private static final String COMMAND = "com.acme.governance.command";
    private static final String[] FEATURES = {"com.acme.governance.command.dataproduct..",
            "com.acme.governance.command.policy..", "com.acme.governance.command.access..",
            "com.acme.governance.command.audit.digest"};
    private static final String[] ADAPTERS = {"..web..", "com.acme.governance.command.policy.catalog..",
            "com.acme.governance.command.access.provisioning.."};
}
