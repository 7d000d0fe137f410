package com.acme.governance.query.mutation;

/** The command side could not be reached, or did not answer in time: whether the decision was taken is unknown. */
public class CommandSideUnavailableException extends RuntimeException {

    public CommandSideUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
