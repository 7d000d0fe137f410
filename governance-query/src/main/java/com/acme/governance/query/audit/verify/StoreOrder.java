package com.acme.governance.query.audit.verify;

/**
 * The order of the event store and of the audit trail's copies as MongoDB sorts them: aggregate id by its UTF-8
 * bytes (the simple binary comparison, that is by code point), then sequence number. A missing aggregate id, which
 * only an altered document has, comes first, as MongoDB sorts null before every string.
 */
final class StoreOrder {

    private StoreOrder() {
    }

    static int compare(String aggregateId, long sequence, String otherAggregateId, long otherSequence) {
        int byAggregate = byCodePoint(aggregateId, otherAggregateId);
        return byAggregate != 0 ? byAggregate : Long.compare(sequence, otherSequence);
    }

    private static int byCodePoint(String a, String b) {
        if (a == null || b == null) {
            return Boolean.compare(a != null, b != null);
        }
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }
}
