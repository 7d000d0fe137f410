package com.acme.governance.command.policy.web;

import com.acme.governance.edge.consistency.GovernanceToken;

import java.time.Duration;

/**
 * Answer (202) to a policy change that is recorded, and so will take force, but is not in force yet: the policy
 * catalog that access decisions read had not applied it when the wait ran out (ADR 0023). Sending the change again
 * would not hasten it; an access request made meanwhile is decided under the policy's previous version.
 *
 * @param inForce always false: what tells this answer from the 200 or 201 of a change in force
 */
public record PolicyChangeNotYetInForce(String id, long version, boolean inForce, String detail) {

    static PolicyChangeNotYetInForce of(GovernanceToken token, Duration waited) {
        return new PolicyChangeNotYetInForce(token.aggregateId(), token.version(), false, "policy "
                + token.aggregateId() + " at version " + token.version() + " is recorded but not yet in force: the"
                + " policy catalog had not applied it after " + waited + "; until it does, access requests are"
                + " decided under the previous version. Do not send it again: it takes force by itself.");
    }
}
