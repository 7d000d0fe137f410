package com.acme.governance.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the audit trail as NDJSON, one {@link AuditTrailItem} a line, page by page from the database to the client:
 * nothing but the current page is held. What has been written is flushed before the next page is read, so the client
 * receives it without waiting for the rest, and a client that reads slowly holds the writes, and with them the
 * reads: its pace drives the export.
 */
final class NdjsonExport {

    private static final int NEWLINE = '\n';

    private final ObjectWriter items;

    NdjsonExport(ObjectMapper objectMapper) {
        this.items = objectMapper.writerFor(AuditTrailItem.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * @return the number of lines written
     * @throws IOException when the client went away
     */
    long write(AuditEventRepository.TrailPages events, OutputStream out) throws IOException {
        long lines = 0;
        while (events.hasNext()) {
            items.writeValue(out, events.next().item());
            out.write(NEWLINE);
            lines++;
            if (events.pageEnded()) {
                out.flush();
            }
        }
        out.flush();
        return lines;
    }
}
