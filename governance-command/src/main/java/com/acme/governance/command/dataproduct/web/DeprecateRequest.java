package com.acme.governance.command.dataproduct.web;

import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.DeprecateDataProduct;
import com.acme.governance.command.web.BodyValues;

/**
 * Body of deprecate: the reason, checked by the command, and optionally the product that replaces this one, checked by
 * its type. A body without {@code replacedBy} is what every client sent before it existed, and still means "none named".
 */
record DeprecateRequest(String reason, String replacedBy) {

    DeprecateDataProduct toCommand(DataProductId id) {
        BodyValues body = new BodyValues();
        return body.command(() -> new DeprecateDataProduct(id, reason,
                body.typed("replacedBy", replacedBy, DataProductId::of)));
    }
}
