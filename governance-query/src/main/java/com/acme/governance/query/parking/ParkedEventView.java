package com.acme.governance.query.parking;

import org.bson.Document;
import org.bson.types.Binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parked record for operators. {@code headers} shows each header as text when it is UTF-8 and as
 * {@code base64:...} otherwise; {@code value} is the record's bytes in base64, exactly as they arrived.
 *
 * @param id         {@code <topic>-<partition>@<offset>}
 * @param category   {@code undecodable}, {@code unknown-type} or {@code held-behind-parked}
 * @param heldBehind the parked record this one waits behind, or null
 */
public record ParkedEventView(String id, String topic, int partition, long offset, String key, String aggregateId,
                              String category, String reason, String heldBehind, Instant parkedAt, int attempts,
                              Instant lastAttemptAt, Map<String, String> headers, String value, int valueSize) {

    static ParkedEventView of(Document parked) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Document header : parked.getList(ParkedEvents.HEADERS, Document.class, List.of())) {
            Binary value = header.get("value", Binary.class);
            headers.put(header.getString("key"), value == null ? null : text(value.getData()));
        }
        Binary value = parked.get(ParkedEvents.VALUE, Binary.class);
        return new ParkedEventView(parked.getString("_id"), parked.getString(ParkedEvents.TOPIC),
                parked.getInteger(ParkedEvents.PARTITION), parked.get(ParkedEvents.OFFSET, Number.class).longValue(),
                parked.getString(ParkedEvents.KEY), parked.getString(ParkedEvents.AGGREGATE_ID),
                parked.getString(ParkedEvents.CATEGORY), parked.getString(ParkedEvents.REASON),
                parked.getString(ParkedEvents.HELD_BEHIND), instant(parked.getDate(ParkedEvents.PARKED_AT)),
                parked.get(ParkedEvents.ATTEMPTS, Number.class).intValue(),
                instant(parked.getDate(ParkedEvents.LAST_ATTEMPT_AT)), headers,
                value == null ? null : Base64.getEncoder().encodeToString(value.getData()),
                value == null ? 0 : value.getData().length);
    }

    /** The few fields a health detail shows. */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        summary.put("aggregateId", aggregateId);
        summary.put("category", category);
        summary.put("reason", reason);
        summary.put("parkedAt", String.valueOf(parkedAt));
        return summary;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static String text(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(bytes);
        }
    }
}
