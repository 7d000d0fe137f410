package com.acme.governance.command.dataproduct.web;

import com.acme.governance.command.web.BodyValues;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.api.dataproduct.OutputPort;
import com.acme.governance.api.dataproduct.Tag;
import com.acme.governance.api.dataproduct.UpdateDataProduct;

import java.util.List;

record UpdateDataProductRequest(String title, String description, Classification classification, List<String> tags,
                                List<OutputPort> outputPorts) {

    UpdateDataProduct toCommand(DataProductId id, Long expectedVersion) {
        BodyValues body = new BodyValues();
        return body.command(() -> new UpdateDataProduct(id, expectedVersion, title, description, classification,
                body.typed("tags", tags, Tag::of), outputPorts));
    }
}
