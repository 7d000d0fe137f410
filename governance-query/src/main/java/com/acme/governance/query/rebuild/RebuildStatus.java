package com.acme.governance.query.rebuild;

/** Where a projection rebuild is; the first two are active, and only one rebuild can be active at a time. */
public enum RebuildStatus {
    /** Replaying the event topic into the target generation. */
    RUNNING,
    /** Caught up: making the target generation live and applying what the old one got meanwhile. */
    SWAPPING,
    /** The target generation is live and has everything the old one had. */
    COMPLETED,
    /** Given up; the live generation was never touched, and a new rebuild may be requested. */
    FAILED;

    public boolean active() {
        return this == RUNNING || this == SWAPPING;
    }
}
