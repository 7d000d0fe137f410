package com.acme.governance.local;

import com.acme.governance.api.access.ApprovalEligibility;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.authorization.GovernanceRules;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The authorization model is written once (issue 10): in every module, only {@link GovernanceRules} and the
 * approval rule ({@link ApprovalEligibility}) ask an {@link Actor} about its roles or teams to decide.
 */
class AuthorizationRulesArchitectureTest {

    private final JavaClasses everything = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the modules' test jars (the edge's test support) are on this classpath too: tests may ask anything
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("com.acme.governance");

    @Test
    void onlyTheRuleBookTestsRolesAndTeams() {
        noClasses().that().doNotBelongToAnyOf(GovernanceRules.class, ApprovalEligibility.class, Actor.class)
                .should().callMethod(Actor.class, "hasRole", String.class)
                .orShould().callMethod(Actor.class, "isSteward")
                .orShould().callMethod(Actor.class, "memberOf", String.class)
                .because("who may do what is decided by the named rules of GovernanceRules")
                .check(everything);
    }
}
