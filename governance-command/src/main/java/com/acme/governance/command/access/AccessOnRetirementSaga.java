package com.acme.governance.command.access;

import com.acme.governance.api.access.AccessGrantExpired;
import com.acme.governance.api.access.AccessGrantRevoked;
import com.acme.governance.api.access.AccessRequestId;
import com.acme.governance.api.access.AccessRequestRejected;
import com.acme.governance.api.access.AccessRequestWithdrawn;
import com.acme.governance.api.access.AccessRequested;
import com.acme.governance.api.dataproduct.DataProductRetired;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Follows one access request for as long as it can still be open, associated with its product too: when the
 * product is retired, the request is closed (a pending one rejected, an active grant revoked). Retiring a product
 * with many grants thus fans out to one saga per request, each independent of the others.
 */
@Saga
public class AccessOnRetirementSaga {

    static final String PRODUCT = "dataProductId";
    static final String REQUEST = "requestId";

    private String requestId;

    @JsonIgnore
    private transient CommandGateway commandGateway;

    @StartSaga
    @SagaEventHandler(associationProperty = REQUEST)
    public void on(AccessRequested event) {
        requestId = event.requestId();
        SagaLifecycle.associateWith(PRODUCT, event.dataProductId().toString());
    }

    @SagaEventHandler(associationProperty = "id", keyName = PRODUCT)
    public void on(DataProductRetired event, @MessageIdentifier String eventId) {
        // waits, so that a failure is retried by the saga's processor instead of being lost
        commandGateway.sendAndWait(new CloseAccessOnProductRetirement(AccessRequestId.of(requestId), event.reason(),
                eventId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST)
    public void on(AccessRequestRejected event) {
        // closed: nothing left to revoke
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST)
    public void on(AccessRequestWithdrawn event) {
        // closed: nothing left to revoke
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST)
    public void on(AccessGrantRevoked event) {
        // closed: nothing left to revoke
    }

    @EndSaga
    @SagaEventHandler(associationProperty = REQUEST)
    public void on(AccessGrantExpired event) {
        // closed: nothing left to revoke
    }

    @Autowired
    public void setCommandGateway(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }
}
