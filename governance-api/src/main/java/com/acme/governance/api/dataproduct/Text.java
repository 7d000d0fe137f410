package com.acme.governance.api.dataproduct;

/** Size limits of free text in the contract. */
final class Text {
    static final int TITLE = 200;
    static final int DESCRIPTION = 4000;
    static final int TEAM = 63;
    static final int TAG = 63;
    static final int TAGS = 32;
    static final int PORTS = 32;
    static final int REASON = 2000;
    static final String TEAM_PATTERN = "[a-z][a-z0-9-]{1,62}";
    static final String TAG_PATTERN = "[a-z0-9][a-z0-9-]{0,62}";

    private Text() {
    }
}
