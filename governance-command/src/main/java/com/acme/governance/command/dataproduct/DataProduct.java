package com.acme.governance.command.dataproduct;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.api.dataproduct.ChangeCompatibilityMode;
import com.acme.governance.api.dataproduct.CheckContractVersion;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.CompatibilityMode;
import com.acme.governance.api.dataproduct.CompatibilityModeChanged;
import com.acme.governance.api.dataproduct.ContractReference;
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
import com.acme.governance.contracts.ContractCompatibility;
import com.acme.governance.contracts.ContractDifference;
import com.acme.governance.contracts.ContractReferences;
import com.acme.governance.contracts.UnresolvedReferenceException;
import com.acme.governance.contracts.UnreadableContractException;
import com.acme.governance.edge.problem.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private CompatibilityMode compatibilityMode;
    private final List<ContractCompatibility.Version> contractVersions = new ArrayList<>();
    /** What each version referenced, by version; resolved again whenever a version is compared with it. */
    private final Map<String, List<ContractReference>> contractReferences = new HashMap<>();

    protected DataProduct() {
        // for Axon's event sourcing
    }

    @CommandHandler
    public DataProduct(RegisterDataProduct command, Actor actor) {
        requireOwnerOrSteward(actor, command.ownerTeam().value());
        apply(new DataProductRegistered(command.id(), command.title(), command.description(),
                command.ownerTeam().value(), command.classification(), values(command.tags()), command.outputPorts(),
                command.compatibilityMode()));
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
    public long handle(PublishContractVersion command, Actor actor, ContractCatalog catalog) {
        requireMayPublishContract(actor);
        List<ContractReference> references = references(command.schemaType(), command.schema(),
                command.references());
        List<ContractDifference> breaking = breakingChanges(command.version(), command.schemaType(),
                command.schema(), references, catalog);
        if (!breaking.isEmpty()) {
            throw new IncompatibleContractException("contract version " + command.version() + " breaks "
                    + compatibilityMode + " (only a major version may break)", compatibilityMode, breaking);
        }
        apply(new ContractVersionPublished(command.id(), command.version(), command.schemaType(), command.schema(),
                references, command.odcs()));
        return lastSequence();
    }

    /** What publishing would do, recording nothing: refused as publishing would be, or the differences found. */
    @CommandHandler
    public ContractCheck handle(CheckContractVersion command, Actor actor, ContractCatalog catalog) {
        requireMayPublishContract(actor);
        List<ContractDifference> breaking = breakingChanges(command.version(), command.schemaType(),
                command.schema(), references(command.schemaType(), command.schema(), command.references()), catalog);
        Optional<SemanticVersion> latest = latestContractVersion();
        return new ContractCheck(breaking.isEmpty(), compatibilityMode, latest.map(SemanticVersion::toString)
                .orElse(null), latest.map(command.version()::mayBreak).orElse(false), breaking);
    }

    private void requireMayPublishContract(Actor actor) {
        requireOwnerOrSteward(actor, ownerTeam);
        requireNotRetired("publish a contract version of");
    }

    /** The references listed beside the schema and those it names itself, each once. */
    private static List<ContractReference> references(SchemaType schemaType, JsonNode schema,
                                                      List<ContractReference> listed) {
        Set<ContractReference> references = new LinkedHashSet<>(listed);
        try {
            ContractCompatibility.namedReferences(schemaType, schema).forEach(name -> references.add(
                    ContractReference.of(name)));
        } catch (UnreadableContractException e) {
            throw new InvalidInputException("schema", e.getMessage());
        }
        return List.copyOf(references);
    }

    @CommandHandler
    public long handle(ChangeCompatibilityMode command, Actor actor) {
        requireOwnerOrSteward(actor, ownerTeam);
        requireNotRetired("change the compatibility mode of");
        if (command.mode() != compatibilityMode) {
            apply(new CompatibilityModeChanged(command.id(), command.mode(), compatibilityMode));
        }
        return lastSequence();
    }

    /**
     * The differences by which a new contract version would break the product's mode, after every other refusal
     * a publication meets (the caller's rights and a retired product are checked before): a reference the catalog
     * does not have or a schema its type cannot read with its references (400), a version not above the latest.
     * A new major version may break: it is compared with nothing. Otherwise it is compared
     * with the versions of its major version (every one of them under a transitive mode, the latest otherwise).
     */
    private List<ContractDifference> breakingChanges(SemanticVersion version, SchemaType schemaType,
                                                     JsonNode schema, List<ContractReference> references,
                                                     ContractCatalog catalog) {
        ContractCompatibility.Version proposed = new ContractCompatibility.Version(version.toString(), schemaType,
                schema, resolve(references, catalog));
        try {
            ContractCompatibility.read(proposed);
        } catch (UnreadableContractException e) {
            throw new InvalidInputException("schema", e.getMessage());
        }
        Optional<SemanticVersion> latest = latestContractVersion();
        if (latest.isEmpty()) {
            return List.of();
        }
        if (version.compareTo(latest.get()) <= 0) {
            throw new IllegalTransitionException("contract version " + version
                    + " must be greater than the latest, " + latest.get());
        }
        if (version.mayBreak(latest.get())) {
            return List.of();
        }
        List<ContractCompatibility.Version> sameMajor = contractVersions.stream()
                .filter(earlier -> !version.mayBreak(SemanticVersion.parse(earlier.version())))
                .map(earlier -> new ContractCompatibility.Version(earlier.version(), earlier.schemaType(),
                        earlier.schema(), resolve(contractReferences.getOrDefault(earlier.version(), List.of()),
                        catalog)))
                .toList();
        try {
            return ContractCompatibility.check(compatibilityMode, sameMajor, proposed);
        } catch (UnreadableContractException e) {
            throw new InvalidInputException("schema", e.getMessage());
        }
    }

    /** The contract versions the references need, from the catalog only; one it does not have is a 400. */
    private static List<ContractCompatibility.Referenced> resolve(List<ContractReference> references,
                                                                  ContractCatalog catalog) {
        if (references.isEmpty()) {
            return List.of();
        }
        try {
            return ContractReferences.closure(references, catalog::find);
        } catch (UnresolvedReferenceException e) {
            throw new InvalidInputException("references", e.getMessage());
        }
    }

    private Optional<SemanticVersion> latestContractVersion() {
        return contractVersions.isEmpty() ? Optional.empty()
                : Optional.of(SemanticVersion.parse(contractVersions.get(contractVersions.size() - 1).version()));
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
        compatibilityMode = event.compatibilityMode();
    }

    @EventSourcingHandler
    void on(DataProductUpdated event) {
        classification = event.classification();
        tags = event.tags();
    }

    @EventSourcingHandler
    void on(ContractVersionPublished event) {
        contractVersions.add(new ContractCompatibility.Version(event.version().toString(), event.schemaType(),
                event.schema()));
        if (!event.references().isEmpty()) {
            contractReferences.put(event.version().toString(), event.references());
        }
    }

    @EventSourcingHandler
    void on(CompatibilityModeChanged event) {
        compatibilityMode = event.mode();
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
