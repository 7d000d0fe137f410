package com.acme.governance.command.audit.digest.issuing;

/** No signing key is configured ({@code governance.audit.signing-key}), so no digest can be issued. */
public class SigningKeyMissingException extends RuntimeException {

    public SigningKeyMissingException() {
        super("this service has no signing key (governance.audit.signing-key), so it issues no audit digests; "
                + "an operator must configure one");
    }
}
