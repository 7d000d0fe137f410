package com.acme.governance.verifier;

/** Input the verifier cannot judge: a file it cannot read, a malformed line, a bad key or digest (exit code 2). */
class UnusableInputException extends Exception {

    UnusableInputException(String message) {
        super(message);
    }

    UnusableInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
