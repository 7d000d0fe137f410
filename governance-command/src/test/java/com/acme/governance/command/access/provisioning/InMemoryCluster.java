package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.access.KafkaAclBinding;
import org.apache.kafka.common.acl.AclBinding;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A cluster's topics and ACLs in memory, as the broker treats them: creating a binding that exists and deleting one
 * that does not are no-ops. Its Admin calls can be made to fail a number of times.
 */
final class InMemoryCluster extends KafkaAcls {

    private final Set<String> topics;
    private final Set<AclBinding> acls = new LinkedHashSet<>();
    int creates;
    private int failuresLeft;
    private Exception failure;

    InMemoryCluster(Set<String> topics) {
        super(null, Duration.ofSeconds(1));
        this.topics = topics;
    }

    void failNext(int times, Exception failure) {
        this.failuresLeft = times;
        this.failure = failure;
    }

    /** What an operator does behind the service's back. */
    void add(AclBinding binding) {
        acls.add(binding);
    }

    void remove(KafkaAclBinding binding) {
        acls.remove(toKafka(binding));
    }

    Set<AclBinding> raw() {
        return Set.copyOf(acls);
    }

    /** The bindings of a shape a grant implies. */
    Set<KafkaAclBinding> ours() {
        Set<KafkaAclBinding> ours = new LinkedHashSet<>();
        acls.forEach(binding -> fromKafka(binding).ifPresent(ours::add));
        return ours;
    }

    @Override
    public Set<String> existingTopics(Collection<String> names) throws Exception {
        maybeFail();
        return new TreeSet<>(names.stream().filter(topics::contains).toList());
    }

    @Override
    public void create(List<KafkaAclBinding> bindings) throws Exception {
        maybeFail();
        creates++;
        bindings.forEach(binding -> acls.add(toKafka(binding)));
    }

    @Override
    public void delete(List<KafkaAclBinding> bindings) throws Exception {
        maybeFail();
        bindings.forEach(binding -> acls.remove(toKafka(binding)));
    }

    @Override
    public void deleteExactly(List<AclBinding> bindings) throws Exception {
        maybeFail();
        bindings.forEach(acls::remove);
    }

    @Override
    public Collection<AclBinding> all() throws Exception {
        maybeFail();
        return List.copyOf(acls);
    }

    private void maybeFail() throws Exception {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw failure;
        }
    }
}
