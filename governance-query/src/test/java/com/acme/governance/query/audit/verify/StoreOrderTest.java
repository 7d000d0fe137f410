package com.acme.governance.query.audit.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge join compares as MongoDB sorts: aggregate id by code point (its UTF-8 bytes), then sequence. */
class StoreOrderTest {

    @Test
    void aggregateIdFirstThenSequence() {
        assertThat(StoreOrder.compare("sales.orders", 9, "sales.parcels", 0)).isNegative();
        assertThat(StoreOrder.compare("sales.orders", 2, "sales.orders", 10)).isNegative();
        assertThat(StoreOrder.compare("sales.orders", 2, "sales.orders", 2)).isZero();
        assertThat(StoreOrder.compare("sales", 0, "sales.orders", 0)).isNegative();
    }

    @Test
    void byCodePointWhereJavaStringsCompareOtherwise() {
        String beyondTheBasicPlane = "\uD83D\uDCE6"; // U+1F4E6, two UTF-16 units starting below U+FFFD
        String endOfTheBasicPlane = "\uFFFD";

        assertThat(beyondTheBasicPlane.compareTo(endOfTheBasicPlane)).isNegative();
        assertThat(StoreOrder.compare(beyondTheBasicPlane, 0, endOfTheBasicPlane, 0)).isPositive();
    }

    @Test
    void aMissingAggregateIdComesFirst() {
        assertThat(StoreOrder.compare(null, 5, "a", 0)).isNegative();
        assertThat(StoreOrder.compare("a", 0, null, 5)).isPositive();
        assertThat(StoreOrder.compare(null, 1, null, 2)).isNegative();
    }
}
