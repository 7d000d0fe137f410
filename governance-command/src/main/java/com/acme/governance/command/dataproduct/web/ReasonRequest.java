package com.acme.governance.command.dataproduct.web;

/** Body of retire; the command checks that the reason is given and not too long. */
record ReasonRequest(String reason) {
}
