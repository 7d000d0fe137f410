package com.acme.governance.local.mongo;

import java.util.Locale;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * What durability a command asks for, read from its write or read concern as the driver sends them (ADR 0038).
 * Anything a command does not say explicitly gets the safe answer: durable before it is acknowledged, and nothing
 * shown that is not durable. The relaxations are MongoDB's own: a write with {@code j: false} is acknowledged before
 * it is in the journal, and read concern {@code local} (or {@code available}) returns the newest data, whether or
 * not a majority (here: the disk) has it.
 */
final class DurabilityAsked {

    private static final Set<String> UNDURABLE_READS = Set.of("local", "available");

    private DurabilityAsked() {
    }

    /** Whether a write must be on disk before its answer: unless its write concern says {@code j: false}. */
    static boolean byWrite(Document command) {
        return !(command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j")));
    }

    /** Whether a read may show only what is on disk: unless its read concern is {@code local} or {@code available}. */
    static boolean byRead(Document command) {
        return !(command.get("readConcern") instanceof Document concern && concern.get("level") instanceof String level
                && UNDURABLE_READS.contains(level.toLowerCase(Locale.ROOT)));
    }
}
