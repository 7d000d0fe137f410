package com.acme.governance.api.policy;

/** Who must approve an access request: a member of the product's owner team, or a data steward. */
public enum ApprovalRole {
    OWNER, STEWARD
}
