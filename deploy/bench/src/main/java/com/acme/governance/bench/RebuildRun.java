package com.acme.governance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.function.Consumer;

/** B3: every read model rebuilt from offset 0 of the topic, as an operator asks for it; events per second. */
public final class RebuildRun {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Rebuilt(double eventsPerSecond, long events, double seconds) {
    }

    private final Api api;

    public RebuildRun(Api api) {
        this.api = api;
    }

    public Rebuilt rebuild(Consumer<String> progress) throws Exception {
        long start = System.nanoTime();
        api.expect(202, "admin", "POST", "/api/v1/admin/projections/rebuild", null);
        while (true) {
            JsonNode rebuild = JSON.readTree(api.expect(200, "admin", "GET", "/api/v1/admin/projections", null)
                    .body()).path("rebuild");
            String status = rebuild.path("status").asText();
            if (status.equals("COMPLETED")) {
                double seconds = (System.nanoTime() - start) / 1e9;
                long events = rebuild.path("eventsDone").asLong();
                return new Rebuilt(events / seconds, events, seconds);
            }
            if (status.equals("FAILED")) {
                throw new IllegalStateException("the rebuild failed: " + rebuild.path("failure").asText());
            }
            progress.accept("rebuild " + rebuild.path("eventsDone").asLong() + " of "
                    + rebuild.path("eventsTotal").asLong() + " events");
            Thread.sleep(1000); // a progress poll of a long-running operation, not a wait for a condition in a test
        }
    }
}
