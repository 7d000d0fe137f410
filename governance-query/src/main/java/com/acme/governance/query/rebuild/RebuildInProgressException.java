package com.acme.governance.query.rebuild;

/** A rebuild was requested while another one is active: 409. */
public class RebuildInProgressException extends RuntimeException {

    public RebuildInProgressException(String rebuildId) {
        super("Rebuild " + rebuildId + " is still in progress; follow it at /api/v1/admin/projections");
    }
}
