package com.acme.governance.api.dataproduct;

import com.acme.governance.api.audit.Actor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerOrStewardTest {

    private static final Actor ALICE = new Actor("alice", List.of("sales"), List.of());
    private static final Actor BOB = new Actor("bob", List.of("marketing"), List.of());
    private static final Actor CAROL = new Actor("carol", List.of(), List.of(Actor.STEWARD));
    private static final Actor DAVE = new Actor("dave", List.of(), List.of(Actor.AUDITOR));

    @Test
    void aMemberOfTheOwnerTeamActsForItsProducts() {
        assertThat(OwnerOrSteward.allows(ALICE, "sales")).isTrue();
        assertThat(OwnerOrSteward.allows(ALICE, "marketing")).isFalse();
    }

    @Test
    void aStewardActsForEveryProduct() {
        assertThat(OwnerOrSteward.allows(CAROL, "sales")).isTrue();
        assertThat(OwnerOrSteward.allows(CAROL, "marketing")).isTrue();
    }

    @Test
    void anyoneElseIsRefusedNamingTheOwnerTeam() {
        assertThat(OwnerOrSteward.allows(BOB, "sales")).isFalse();
        assertThat(OwnerOrSteward.allows(DAVE, "sales")).isFalse();
        assertThat(OwnerOrSteward.refusal(BOB, "sales"))
                .isEqualTo("bob is neither in owner team 'sales' nor a data steward");
    }
}
