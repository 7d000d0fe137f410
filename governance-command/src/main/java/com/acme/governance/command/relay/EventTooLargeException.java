package com.acme.governance.command.relay;

/** The decision would make an event that the event log on Kafka could not carry; it is refused before it is stored. */
public class EventTooLargeException extends RuntimeException {

    private final String eventType;
    private final int recordBytes;
    private final int maxRecordBytes;

    public EventTooLargeException(String eventType, int recordBytes, int maxRecordBytes) {
        super("The " + eventType + " event would be a Kafka record of " + recordBytes
                + " bytes; the event log accepts at most " + maxRecordBytes);
        this.eventType = eventType;
        this.recordBytes = recordBytes;
        this.maxRecordBytes = maxRecordBytes;
    }

    public String eventType() {
        return eventType;
    }

    public int recordBytes() {
        return recordBytes;
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }
}
