package com.acme.governance.command.policy.web;

record RetirePolicyRequest(String reason) {
}
