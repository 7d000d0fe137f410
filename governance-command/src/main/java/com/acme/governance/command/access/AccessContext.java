package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessDecision;
import com.acme.governance.api.dataproduct.DataProductId;
import com.acme.governance.command.dataproduct.ProductFacts;

/** What an access request needs to know beyond itself: the product as it is now, and the policies in force. */
public interface AccessContext {

    /** @throws org.axonframework.modelling.command.AggregateNotFoundException when there is no such product */
    ProductFacts product(DataProductId id);

    AccessDecision decide(ProductFacts product);
}
