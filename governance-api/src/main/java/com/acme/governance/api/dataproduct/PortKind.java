package com.acme.governance.api.dataproduct;

public enum PortKind {
    KAFKA_TOPIC, TABLE, API
}
