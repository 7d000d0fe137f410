package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.dataproduct.DataProductId;

import java.util.List;
import java.util.Map;

/** The topic ports of each product, as given, instead of read from an event store. */
final class FixedTopics extends ProductTopics {

    private final Map<DataProductId, List<String>> ports;

    FixedTopics(Map<DataProductId, List<String>> ports) {
        super(null);
        this.ports = ports;
    }

    @Override
    public List<String> of(DataProductId product) {
        return ports.getOrDefault(product, List.of());
    }
}
