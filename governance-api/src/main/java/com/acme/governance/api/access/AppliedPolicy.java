package com.acme.governance.api.access;

/** A policy, at the version that was in force, that shaped an access decision. */
public record AppliedPolicy(String policyId, int version) {
}
