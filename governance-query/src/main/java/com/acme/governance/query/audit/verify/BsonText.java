package com.acme.governance.query.audit.verify;

import org.bson.BsonValue;

/** A stored field as text whatever BSON type someone altered it to, so that verification reports it, never throws. */
final class BsonText {

    private BsonText() {
    }

    static String of(BsonValue value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isString() ? value.asString().getValue() : value.toString();
    }
}
