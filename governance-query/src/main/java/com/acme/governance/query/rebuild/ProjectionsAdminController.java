package com.acme.governance.query.rebuild;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.api.audit.Actor;
import com.acme.governance.edge.security.AuthenticatedActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Operators rebuild every read model from the event topic here, and follow it (role {@code OPERATOR}). */
@RestController("queryProjectionsAdminController")
@RequestMapping(path = ProjectionsAdminController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations")
public class ProjectionsAdminController {

    static final String PATH = "/api/v1/admin/projections";

    private final ProjectionRebuilder rebuilder;
    private final ProjectionsStatus status;

    public ProjectionsAdminController(ProjectionRebuilder rebuilder, ProjectionsStatus status) {
        this.rebuilder = rebuilder;
        this.status = status;
    }

    @GetMapping
    @Operation(summary = "The live generation of the read models and the latest rebuild: status, events done and "
            + "total, rate, ETA, lag per partition, and each read model's document count")
    public ProjectionsView projections(Authentication authentication) {
        requireOperator(authentication);
        return status.current();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild every read model from offset 0 of the event topic into a fresh generation, then "
            + "swap it in atomically",
            description = "202 with Location to follow; the live read models keep serving meanwhile. 409 while a "
                    + "rebuild is active; an interrupted one (its owner silent for longer than the lease) is resumed.")
    public ResponseEntity<ProjectionsView> rebuild(Authentication authentication) {
        Actor operator = requireOperator(authentication);
        rebuilder.request(operator.principal());
        return ResponseEntity.accepted().location(URI.create(PATH)).body(status.current());
    }

    private static Actor requireOperator(Authentication authentication) {
        Actor actor = AuthenticatedActor.of(authentication);
        if (!GovernanceRules.operates(actor)) {
            throw new AccessDeniedException(GovernanceRules.operatesRefusal());
        }
        return actor;
    }
}
