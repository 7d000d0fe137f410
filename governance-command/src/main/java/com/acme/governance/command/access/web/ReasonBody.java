package com.acme.governance.command.access.web;

record ReasonBody(String reason) {
}
