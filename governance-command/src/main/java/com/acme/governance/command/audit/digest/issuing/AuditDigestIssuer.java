package com.acme.governance.command.audit.digest.issuing;

import com.acme.governance.api.audit.Actor;
import com.acme.governance.command.security.ActorMetaData;
import com.acme.governance.api.audit.AuditDigest;
import com.acme.governance.api.audit.AuditMetadata;
import com.acme.governance.api.audit.DigestSignature;
import com.acme.governance.api.audit.IssueAuditDigest;
import com.acme.governance.command.audit.digest.DigestIssuers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues one digest (adr/0025): reads every aggregate's head from the event store, signs the digest, stores it in
 * full, and only then records it in the audit ledger. A crash between the two leaves a stored digest that no event
 * names, which is harmless (it is a true, signed statement of the history); the other order could leave an event
 * that names a digest nobody can read, which must never happen.
 */
public class AuditDigestIssuer {

    public static final String METRIC = "governance.audit.digests";

    private final Optional<SigningKey> signingKey;
    private final StoredChainHeads storedHeads;
    private final DigestArchive archive;
    private final CommandGateway commandGateway;
    private final ObjectMapper json;
    private final Clock clock;
    private final Counter issued;
    private final Counter failed;

    public AuditDigestIssuer(Optional<SigningKey> signingKey, StoredChainHeads storedHeads, DigestArchive archive,
                             CommandGateway commandGateway, ObjectMapper json, Clock clock, MeterRegistry meters) {
        this.signingKey = signingKey;
        this.storedHeads = storedHeads;
        this.archive = archive;
        this.commandGateway = commandGateway;
        this.json = json;
        this.clock = clock;
        this.issued = counter(meters, "issued");
        this.failed = counter(meters, "failed");
    }

    public boolean canSign() {
        return signingKey.isPresent();
    }

    /**
     * @throws com.acme.governance.command.common.NotPermittedException when {@code by} may not issue digests
     * @throws SigningKeyMissingException                               when no signing key is configured
     */
    public IssuedDigest issue(Actor by) {
        DigestIssuers.require(by);
        SigningKey key = signingKey.orElseThrow(SigningKeyMissingException::new);
        try {
            Map<String, AuditDigest.Head> heads = storedHeads.read();
            // after the read: every head it states was stored by then
            Instant issuedAt = clock.instant();
            long eventCount = heads.values().stream().mapToLong(head -> head.sequence() + 1).sum();
            AuditDigest signed = DigestSignature.sign(AuditDigest.unsigned(issuedAt, eventCount, heads), key.keys());
            String text = json.writeValueAsString(signed.toJson());
            String digestId = UUID.randomUUID().toString();
            archive.store(digestId, signed, text);
            Object sequence = commandGateway.sendAndWait(GenericCommandMessage
                    .asCommandMessage(IssueAuditDigest.of(digestId, signed)).andMetaData(metaDataOf(by)));
            issued.increment();
            return new IssuedDigest(digestId, text, ((Number) sequence).longValue());
        } catch (JsonProcessingException e) {
            failed.increment();
            throw new IllegalStateException("a digest could not be written as JSON", e);
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        }
    }

    private static MetaData metaDataOf(Actor actor) {
        return ActorMetaData.of(actor);
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder(METRIC).tag("outcome", outcome)
                .description("Audit digests this instance tried to issue, on request or on its schedule: issued "
                        + "(stored and recorded) or failed")
                .register(meters);
    }
}
