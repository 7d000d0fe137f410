package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.access.KafkaAclBinding;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The managed cluster's ACLs and topics through the Kafka Admin API. Creating a binding that exists and deleting one
 * that does not are no-ops on the broker, so each call may be repeated after a crash without doubling anything.
 *
 * <p>One Admin client for the bean's life, made at the first call (so that a cluster down at start-up does not
 * stop the service); the client is thread-safe and reconnects by itself.
 */
public class KafkaAcls implements AutoCloseable {

    private static final String ANY_HOST = "*";

    private final KafkaAdmin kafkaAdmin;
    private final Duration timeout;
    private Admin admin;

    public KafkaAcls(KafkaAdmin kafkaAdmin, Duration timeout) {
        this.kafkaAdmin = kafkaAdmin;
        this.timeout = timeout;
    }

    /** Of these topic names, those that exist on the cluster. */
    public Set<String> existingTopics(Collection<String> names) throws Exception {
        return call(admin -> admin.listTopics().names()).stream().filter(names::contains)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public void create(List<KafkaAclBinding> bindings) throws Exception {
        if (!bindings.isEmpty()) {
            call(admin -> admin.createAcls(bindings.stream().map(KafkaAcls::toKafka).toList()).all());
        }
    }

    public void delete(List<KafkaAclBinding> bindings) throws Exception {
        if (!bindings.isEmpty()) {
            call(admin -> admin.deleteAcls(bindings.stream().map(binding -> toKafka(binding).toFilter()).toList())
                    .all());
        }
    }

    /** Deletes exactly these bindings, as the cluster holds them (any shape). */
    public void deleteExactly(List<AclBinding> bindings) throws Exception {
        if (!bindings.isEmpty()) {
            call(admin -> admin.deleteAcls(bindings.stream().map(AclBinding::toFilter).toList()).all());
        }
    }

    /** Every binding the cluster holds, of any shape. */
    public Collection<AclBinding> all() throws Exception {
        return call(admin -> admin.describeAcls(AclBindingFilter.ANY).values());
    }

    static AclBinding toKafka(KafkaAclBinding binding) {
        return new AclBinding(
                new ResourcePattern(ResourceType.valueOf(binding.resourceType().name()), binding.resourceName(),
                        PatternType.valueOf(binding.patternType().name())),
                new AccessControlEntry(binding.principal(), ANY_HOST, AclOperation.valueOf(binding.operation().name()),
                        AclPermissionType.ALLOW));
    }

    /** The binding as ours, if it has a shape a grant implies. */
    static Optional<KafkaAclBinding> fromKafka(AclBinding binding) {
        ResourcePattern pattern = binding.pattern();
        AccessControlEntry entry = binding.entry();
        try {
            if (entry.permissionType() != AclPermissionType.ALLOW || !ANY_HOST.equals(entry.host())) {
                return Optional.empty();
            }
            return Optional.of(new KafkaAclBinding(entry.principal(),
                    KafkaAclBinding.Resource.valueOf(pattern.resourceType().name()), pattern.name(),
                    KafkaAclBinding.Pattern.valueOf(pattern.patternType().name()),
                    KafkaAclBinding.Operation.valueOf(entry.operation().name())));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private <T> T call(Function<Admin, KafkaFuture<T>> operation) throws Exception {
        try {
            return operation.apply(admin()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new TimeoutException("the Kafka Admin API did not answer within " + timeout);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            // bounded: a plain close() waits for whatever a timed-out call still has in flight
            admin.close(timeout);
            admin = null;
        }
    }
}
