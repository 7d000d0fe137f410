package com.acme.governance.query.ingestion;

/** Why a record of the event topic was parked instead of applied. */
public enum ParkCategory {

    /** Not a governance event at all, or one whose envelope or payload cannot be read. */
    UNDECODABLE("undecodable"),
    /** A well-formed envelope of a type this version does not know: a newer producer; an upgrade will apply it. */
    UNKNOWN_TYPE("unknown-type"),
    /** A readable event of an aggregate that already has a parked record: held back to keep the aggregate's order. */
    HELD_BEHIND_PARKED("held-behind-parked");

    private final String code;

    ParkCategory(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ParkCategory ofCode(String code) {
        for (ParkCategory category : values()) {
            if (category.code.equals(code)) {
                return category;
            }
        }
        throw new IllegalArgumentException("unknown park category " + code);
    }
}
