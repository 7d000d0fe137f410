package com.acme.governance.command.dataproduct.web;

/** Body of deprecate and retire; the command checks that the reason is given and not too long. */
record ReasonRequest(String reason) {
}
