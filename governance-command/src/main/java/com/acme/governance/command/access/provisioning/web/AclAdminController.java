package com.acme.governance.command.access.provisioning.web;

import com.acme.governance.api.authorization.GovernanceRules;
import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.command.access.provisioning.AclReconciler;
import com.acme.governance.command.access.provisioning.DriftReport;
import com.acme.governance.command.access.provisioning.DriftReports;
import com.acme.governance.command.common.NotPermittedException;
import com.acme.governance.edge.security.AuthenticatedActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Operators see and trigger the reconciliation of Kafka ACLs with the active grants (adr/0033). */
@RestController("commandAclAdminController")
@RequestMapping(path = "/api/v1/admin/acls", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Operations")
public class AclAdminController {

    private final ObjectProvider<AclReconciler> reconciler;
    private final ObjectProvider<DriftReports> reports;

    public AclAdminController(ObjectProvider<AclReconciler> reconciler, ObjectProvider<DriftReports> reports) {
        this.reconciler = reconciler;
        this.reports = reports;
    }

    @GetMapping("/drift")
    @Operation(summary = "What the latest reconciliation found: bindings restored, bindings on managed topics and "
            + "groups that no active grant implies, failed steps finished",
            description = "404 before the first reconciliation; 409 when provisioning is switched off.")
    @ApiResponse(responseCode = "200", description = "The latest report",
            content = @Content(schema = @Schema(implementation = DriftReport.class)))
    public ResponseEntity<?> drift(Authentication authentication) {
        requireOperator(authentication);
        DriftReports stored = reports.getIfAvailable();
        if (stored == null) {
            return switchedOff();
        }
        return stored.latest().<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> problem(HttpStatus.NOT_FOUND,
                ProblemTypes.NOT_FOUND, "No reconciliation has run yet; POST /api/v1/admin/acls/reconcile runs one"));
    }

    @PostMapping("/reconcile")
    @Operation(summary = "Reconcile now: re-create missing bindings of active grants, report (and, where "
            + "configured, remove) unexpected ones, finish failed provisioning steps",
            description = "Answers the report; 503 when the Kafka cluster does not answer.")
    @ApiResponse(responseCode = "200", description = "What this reconciliation found and did",
            content = @Content(schema = @Schema(implementation = DriftReport.class)))
    public ResponseEntity<?> reconcile(Authentication authentication) {
        requireOperator(authentication);
        AclReconciler running = reconciler.getIfAvailable();
        DriftReports stored = reports.getIfAvailable();
        if (running == null || stored == null) {
            return switchedOff();
        }
        DriftReport report;
        try {
            report = running.reconcile();
        } catch (Exception e) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE,
                    "The Kafka cluster did not answer: " + e.getMessage());
        }
        stored.save(report);
        return ResponseEntity.ok(report);
    }

    private static void requireOperator(Authentication authentication) {
        if (!GovernanceRules.operates(AuthenticatedActor.of(authentication))) {
            throw new NotPermittedException(GovernanceRules.operatesRefusal());
        }
    }

    private static ResponseEntity<?> switchedOff() {
        return problem(HttpStatus.CONFLICT, ProblemTypes.ILLEGAL_STATE, "Kafka ACL provisioning is switched off "
                + "(governance.command.kafka-acls.enabled): there is nothing to reconcile");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
