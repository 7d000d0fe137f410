package com.acme.governance.command.access.provisioning;

import com.acme.governance.api.access.KafkaAclBinding;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The Kafka identity of each team and the bindings a grant implies for it: READ and DESCRIBE on each of the
 * product's topics, READ on the consumer groups named {@code <team>.*}.
 */
public final class TeamPrincipals {

    private final Map<String, String> principals;

    public TeamPrincipals(Map<String, String> principals) {
        this.principals = Map.copyOf(principals);
    }

    /** {@code User:<team>} unless configured otherwise. */
    public String principalOf(String team) {
        return principals.getOrDefault(team, "User:" + team);
    }

    public static String groupPrefixOf(String team) {
        return team + ".";
    }

    /** In a fixed order (topics as given, then the group), so that equal grants record equal bindings. */
    public List<KafkaAclBinding> bindings(String team, Collection<String> topics) {
        String principal = principalOf(team);
        List<KafkaAclBinding> bindings = new ArrayList<>();
        for (String topic : topics) {
            bindings.add(new KafkaAclBinding(principal, KafkaAclBinding.Resource.TOPIC, topic,
                    KafkaAclBinding.Pattern.LITERAL, KafkaAclBinding.Operation.READ));
            bindings.add(new KafkaAclBinding(principal, KafkaAclBinding.Resource.TOPIC, topic,
                    KafkaAclBinding.Pattern.LITERAL, KafkaAclBinding.Operation.DESCRIBE));
        }
        bindings.add(new KafkaAclBinding(principal, KafkaAclBinding.Resource.GROUP, groupPrefixOf(team),
                KafkaAclBinding.Pattern.PREFIXED, KafkaAclBinding.Operation.READ));
        return List.copyOf(bindings);
    }
}
