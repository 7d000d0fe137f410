package com.acme.governance.query.access;

import com.acme.governance.query.ingestion.IncomingEvent;
import com.acme.governance.query.support.AccessRequestStream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The complete stories of an access request, each with every event type on its way. */
final class AccessStories {

    static final String EXPIRED = "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01";
    static final String REVOKED = "1c7a3d2f-7a5a-4e7c-8b66-4d2e3f8a9b02";
    static final String REJECTED = "2d8b4e3a-8b6b-4f8d-9c77-5e3f4a9bac03";
    static final String WITHDRAWN = "3e9c5f4b-9c7c-4a9e-8d88-6f4a5bacbd04";
    static final String UNKNOWN = "4fad6a5c-ad8d-4baf-9e99-7a5b6cbdce05";
    static final String PROVISIONED = "5abe7b6d-be9e-4cb0-8faa-8b6c7dcedf06";

    /** requested, approved by OWNER, approved by STEWARD, granted, expired. */
    static final Function<String, AccessRequestStream> EXPIRING = id -> AccessRequestStream.of(id, start(0))
            .requested().approvedByOwner().approvedBySteward().granted().expired();
    /** granted, its ACLs failed then provisioned, revoked, deprovisioned: the grant's life on the cluster. */
    static final Function<String, AccessRequestStream> PROVISIONING = id -> AccessRequestStream.of(id, start(5))
            .requested().approvedByOwner().approvedBySteward().granted().provisioningFailed("broker not available")
            .provisioned().revoked("carol", "campaign over").deprovisioned();
    /** requested, approved by OWNER, approved by STEWARD, granted, revoked by carol. */
    static final Function<String, AccessRequestStream> REVOKING = id -> AccessRequestStream.of(id, start(1))
            .requested().approvedByOwner().approvedBySteward().granted()
            .revoked("carol", "campaign over");
    /** requested, approved by OWNER, rejected by erin. */
    static final Function<String, AccessRequestStream> REJECTING = id -> AccessRequestStream.of(id, start(2))
            .requested().approvedByOwner().rejected("erin", "no legal basis");
    /** requested, withdrawn by bob. */
    static final Function<String, AccessRequestStream> WITHDRAWING = id -> AccessRequestStream.of(id, start(3))
            .requested().withdrawn();

    private AccessStories() {
    }

    /** Every story under its id. */
    static Map<String, List<IncomingEvent>> all() {
        return Map.of(EXPIRED, EXPIRING.apply(EXPIRED).events(), REVOKED, REVOKING.apply(REVOKED).events(),
                REJECTED, REJECTING.apply(REJECTED).events(), WITHDRAWN, WITHDRAWING.apply(WITHDRAWN).events());
    }

    /** Every story, and a request whose stream holds an event type this version does not know. */
    static List<List<IncomingEvent>> withAnUnknownEvent() {
        List<List<IncomingEvent>> stories = new ArrayList<>(List.of(all().get(EXPIRED), all().get(REVOKED),
                all().get(REJECTED), all().get(WITHDRAWN)));
        stories.add(PROVISIONING.apply(PROVISIONED).events());
        stories.add(AccessRequestStream.of(UNKNOWN, start(4)).requested().approvedByOwner()
                .unknown("governance.access-request.commented.v1").approvedBySteward().granted().events());
        return stories;
    }

    /** Every story's events, interleaved as several partitions or aggregates would deliver them. */
    static List<IncomingEvent> interleaved() {
        List<List<IncomingEvent>> stories = List.of(all().get(EXPIRED), all().get(REVOKED), all().get(REJECTED),
                all().get(WITHDRAWN));
        List<IncomingEvent> merged = new ArrayList<>();
        for (int i = 0; i < stories.stream().mapToInt(List::size).max().orElse(0); i++) {
            for (List<IncomingEvent> story : stories) {
                if (i < story.size()) {
                    merged.add(story.get(i));
                }
            }
        }
        return merged;
    }

    /** Each story starts an hour after the previous one, so that their order is their requests' order. */
    static Instant start(int story) {
        return AccessRequestStream.START.plusSeconds(3600L * story);
    }
}
