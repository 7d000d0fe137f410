package com.acme.governance.query.parking;

import org.springframework.stereotype.Component;

import java.util.List;

/** Reading the parked records, for the operator endpoint and the health contributor. */
@Component("queryParkedEventsQuery")
public class ParkedEventsQuery {

    private final ParkedEvents parked;

    public ParkedEventsQuery(ParkedEvents parked) {
        this.parked = parked;
    }

    public List<ParkedEventView> page(int page, int size) {
        return parked.page(page, size).stream().map(ParkedEventView::of).toList();
    }

    public long total() {
        return parked.count();
    }

    /** Up to {@code max} aggregates that have parked records. */
    public List<String> heldAggregates(int max) {
        return parked.aggregates().stream().filter(id -> id != null).limit(max).toList();
    }
}
