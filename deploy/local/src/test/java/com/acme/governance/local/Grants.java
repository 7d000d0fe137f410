package com.acme.governance.local;

import static org.assertj.core.api.Assertions.assertThat;

/** Bob asks for his team's access to a product of alice's team, and alice approves: the grant, as the API makes it. */
final class Grants {

    private Grants() {
    }

    /** The id of the request, approved by alice (answered 200); with no policy, her approval grants it. */
    static String requestedAndApproved(Api api, String product, String purpose, int days) {
        Api.Response requested = api.as("bob").post("/api/v1/access-requests", """
                {"dataProductId": "%s", "consumerTeam": "marketing", "purpose": "%s", "durationDays": %d}
                """.formatted(product, purpose, days));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        String id = requested.json().path("id").asText();
        Api.Response approved = api.as("alice").post("/api/v1/access-requests/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return id;
    }
}
