package com.acme.governance.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.mongodb.client.MongoCursor;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the audit trail as NDJSON, one {@link AuditTrailItem} a line, straight from the database cursor to the
 * client: nothing but the cursor's current batch is held. What has been written is flushed before the cursor fetches
 * its next batch, so the client receives it without waiting for the rest, and a client that reads slowly holds the
 * writes, and with them the fetches: its pace drives the cursor.
 */
final class NdjsonExport {

    private static final int NEWLINE = '\n';

    private final ObjectWriter items;

    NdjsonExport(ObjectMapper objectMapper) {
        this.items = objectMapper.writerFor(AuditTrailItem.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * @return the number of lines written
     * @throws IOException when the client went away; the caller closes the cursor
     */
    long write(MongoCursor<AuditEventDocument> events, OutputStream out) throws IOException {
        long lines = 0;
        while (events.hasNext()) {
            items.writeValue(out, events.next().item());
            out.write(NEWLINE);
            lines++;
            if (events.available() == 0) {
                out.flush();
            }
        }
        out.flush();
        return lines;
    }
}
