package com.acme.governance.api.audit;

/**
 * The answer of a verification, the same on the server ({@code /audit/verify}) and offline: {@code firstBroken}
 * is null when the history is valid.
 */
public record VerificationReport(boolean valid, long eventsChecked, long aggregatesChecked, BrokenLink firstBroken) {

    public static VerificationReport of(long eventsChecked, long aggregatesChecked, BrokenLink firstBroken) {
        return new VerificationReport(firstBroken == null, eventsChecked, aggregatesChecked, firstBroken);
    }
}
