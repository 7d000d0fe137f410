package com.acme.governance.query.rebuild;

import org.bson.Document;

/**
 * One partition of the event topic in a rebuild.
 *
 * @param partition the partition number
 * @param next      the next offset the rebuild reads: everything before it is in the target generation
 * @param end       the partition's end offset when last looked at
 * @param live      the live consumer's position (the next offset it applies) when last looked at
 * @param goal      the end offset when the rebuild began: it swaps only once past this and the live position
 */
public record PartitionProgress(int partition, long next, long end, long live, long goal) {

    Document toDocument() {
        return new Document("partition", partition).append("next", next).append("end", end).append("live", live)
                .append("goal", goal);
    }

    static PartitionProgress of(Document document) {
        return new PartitionProgress(document.getInteger("partition"), number(document, "next"),
                number(document, "end"), number(document, "live"), number(document, "goal"));
    }

    /** What the rebuild still has to read of this partition, as far as the log went when last looked at. */
    public long lag() {
        return Math.max(0, end - next);
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }
}
