package com.acme.governance.command.dataproduct;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.ContractVersionPublished;
import com.acme.governance.api.dataproduct.DataProductDeprecated;
import com.acme.governance.api.dataproduct.DataProductPublished;
import com.acme.governance.api.dataproduct.DataProductRegistered;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.acme.governance.api.dataproduct.DataProductStatus;
import com.acme.governance.api.dataproduct.DataProductUpdated;
import com.acme.governance.api.dataproduct.DeprecateDataProduct;
import com.acme.governance.api.dataproduct.PublishContractVersion;
import com.acme.governance.api.dataproduct.PublishDataProduct;
import com.acme.governance.api.dataproduct.RegisterDataProduct;
import com.acme.governance.api.dataproduct.RetireDataProduct;
import com.acme.governance.api.dataproduct.SchemaType;
import com.acme.governance.api.dataproduct.SemanticVersion;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.api.dataproduct.UpdateDataProduct;
import com.acme.governance.command.common.IllegalTransitionException;
import com.acme.governance.command.common.NotPermittedException;
import com.acme.governance.command.common.VersionMismatchException;
import com.acme.governance.edge.problem.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A data product and its lifecycle {@code DRAFT -> PUBLISHED -> DEPRECATED -> RETIRED}. A published product is
 * deprecated before it is retired, so that its consumers get notice; a DRAFT, which nobody consumes, may be retired
 * (abandoned) at once. RETIRED is final. Command handlers return the sequence
 * number of the aggregate's last event, which the web layer turns into the read-your-writes token.
 */
@Aggregate(cache = "commandAggregateCache")
public class DataProduct {

    @AggregateIdentifier
    private String id;
    private String domain;
    private String ownerTeam;
    private DataProductStatus status;
    private Classification classification;
    private List<String> tags;
    private SemanticVersion latestContractVersion;
    private JsonNode latestSchema;

    protected DataProduct() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public DataProduct(RegisterDataProduct command, Actor actor) {
        requireOwnerOrSteward(actor, command.ownerTeam().value());
        apply(new DataProductRegistered(command.id(), command.title(), command.description(),
                command.ownerTeam().value(), command.classification(), values(command.tags()), command.outputPorts()));
    }

    @CommandHandler
    public long handle(UpdateDataProduct command, Actor actor) {
        requireOwnerOrSteward(actor, ownerTeam);
        requireNotRetired("update");
        long version = AggregateLifecycle.getVersion() + 1;
        if (command.expectedVersion() != null && command.expectedVersion() != version) {
            throw new VersionMismatchException(id, command.expectedVersion(), version);
        }
        apply(new DataProductUpdated(command.id(), command.title(), command.description(), command.classification(),
                values(command.tags()), command.outputPorts()));
        return lastSequence();
    }

    @CommandHandler
    public long handle(PublishContractVersion command, Actor actor) {
        requireOwnerOrSteward(actor, ownerTeam);
        requireNotRetired("publish a contract version of");
        if (!command.schema().isObject()) {
            throw new InvalidInputException("schema", "a JSON Schema must be a JSON object");
        }
        if (latestContractVersion != null) {
            if (command.version().compareTo(latestContractVersion) <= 0) {
                throw new IllegalTransitionException("contract version " + command.version()
                        + " must be greater than the latest, " + latestContractVersion);
            }
            requireBackwardCompatible(command);
        }
        apply(new ContractVersionPublished(command.id(), command.version(), command.schemaType(), command.schema()));
        return lastSequence();
    }

    @CommandHandler
    public long handle(PublishDataProduct command, Actor actor) {
        requireOwnerOrSteward(actor, ownerTeam);
        requireStatus(DataProductStatus.DRAFT, "publish");
        apply(new DataProductPublished(command.id()));
        return lastSequence();
    }

    @CommandHandler
    public long handle(DeprecateDataProduct command, Actor actor) {
        requireOwnerOrSteward(actor, ownerTeam);
        requireStatus(DataProductStatus.PUBLISHED, "deprecate");
        if (command.id().equals(command.replacedBy())) {
            throw new InvalidInputException("replacedBy", "a data product cannot be replaced by itself");
        }
        apply(new DataProductDeprecated(command.id(), command.reason(), command.replacedBy()));
        return lastSequence();
    }

    @CommandHandler
    public long handle(RetireDataProduct command, Actor actor) {
        requireOwnerOrSteward(actor, ownerTeam);
        requireNotRetired("retire");
        if (status == DataProductStatus.PUBLISHED) {
            throw new IllegalTransitionException("cannot retire data product " + id
                    + " while it is PUBLISHED: deprecate it first, so that its consumers get notice");
        }
        apply(new DataProductRetired(command.id(), command.reason()));
        return lastSequence();
    }

    private static void requireOwnerOrSteward(Actor actor, String ownerTeam) {
        if (!GovernanceRules.actsForProduct(actor, ownerTeam)) {
            throw new NotPermittedException(GovernanceRules.actsForProductRefusal(actor, ownerTeam));
        }
    }

    private void requireBackwardCompatible(PublishContractVersion command) {
        if (command.version().mayBreak(latestContractVersion) || command.schemaType() != SchemaType.JSON_SCHEMA) {
            return;
        }
        List<String> breakingChanges = JsonSchemaCompatibility.breakingChanges(latestSchema, command.schema());
        if (!breakingChanges.isEmpty()) {
            throw new IncompatibleContractException("contract version " + command.version()
                    + " is not backward compatible with " + latestContractVersion
                    + " (only a major version may break)", breakingChanges);
        }
    }

    private void requireStatus(DataProductStatus required, String decision) {
        if (status != required) {
            throw new IllegalTransitionException("cannot " + decision + " data product " + id + " in status "
                    + status + " (requires " + required + ")");
        }
    }

    private void requireNotRetired(String decision) {
        if (status == DataProductStatus.RETIRED) {
            throw new IllegalTransitionException("cannot " + decision + " data product " + id
                    + ": it is RETIRED, which is final");
        }
    }

    /** What access decisions need to know of the product, as of now. */
    public ProductFacts facts() {
        return new ProductFacts(id, domain, ownerTeam, status, classification, tags);
    }

    /** The published events keep their tags as strings, as they were before tags had a type. */
    private static List<String> values(List<Tag> tags) {
        return tags.stream().map(Tag::value).toList();
    }

    private static long lastSequence() {
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(DataProductRegistered event) {
        id = event.id().toString();
        domain = event.id().domain();
        ownerTeam = event.ownerTeam();
        status = DataProductStatus.DRAFT;
        classification = event.classification();
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(DataProductUpdated event) {
        classification = event.classification();
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(ContractVersionPublished event) {
        latestContractVersion = event.version();
        latestSchema = event.schema();
    }

    @EventSourcingHandler
    void on(DataProductPublished event) {
        status = DataProductStatus.PUBLISHED;
    }

    @EventSourcingHandler
    void on(DataProductDeprecated event) {
        status = DataProductStatus.DEPRECATED;
    }

    @EventSourcingHandler
    void on(DataProductRetired event) {
        status = DataProductStatus.RETIRED;
    }
}
