package com.acme.governance.api;

/** Size and pattern limits of the contract, shared by every feature. */
public final class Limits {
    public static final int TITLE = 200;
    public static final int DESCRIPTION = 4000;
    public static final int TEAM = 63;
    public static final int TAG = 63;
    public static final int TAGS = 32;
    public static final int PORTS = 32;
    public static final int REASON = 2000;
    public static final String TEAM_PATTERN = "[a-z][a-z0-9-]{1,62}";
    public static final String TAG_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";
    public static final String POLICY_ID_PATTERN = "[a-z][a-z0-9-]{1,62}";
    public static final int PURPOSE = 1000;
    public static final int RULES = 50;
    public static final int MAX_GRANT_DAYS = 3650;

    private Limits() {
    }
}
