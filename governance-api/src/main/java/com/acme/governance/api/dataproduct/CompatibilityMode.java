package com.acme.governance.api.dataproduct;

/**
 * What a minor or patch version of a product's contract must keep of the versions before it (a major version may
 * break whatever the mode). {@link #CONSUMER_SAFE} is the brief's rule and the default; the others are Schema
 * Registry's compatibility levels, with its meaning: a transitive mode checks against every earlier version of the
 * same major version, the others against the latest only.
 */
public enum CompatibilityMode {
    /** No field removed, no field newly required, no field's type changed (in Avro, a field without a default is a required one). */
    CONSUMER_SAFE,
    /** Consumers on the new version can read data written with the latest one. */
    BACKWARD,
    /** {@link #BACKWARD} against every earlier version. */
    BACKWARD_TRANSITIVE,
    /** Consumers on the latest version can read data written with the new one. */
    FORWARD,
    /** {@link #FORWARD} against every earlier version. */
    FORWARD_TRANSITIVE,
    /** Both {@link #BACKWARD} and {@link #FORWARD}. */
    FULL,
    /** {@link #FULL} against every earlier version. */
    FULL_TRANSITIVE,
    /** Nothing is checked. */
    NONE;

    public boolean transitive() {
        return name().endsWith("_TRANSITIVE");
    }

    /** Whether data written with the earlier version must stay readable by consumers of the new one. */
    public boolean checksBackward() {
        return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }

    /** Whether data written with the new version must stay readable by consumers of the earlier one. */
    public boolean checksForward() {
        return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
    }
}
