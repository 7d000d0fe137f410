package com.acme.governance.verifier;

import java.util.List;

/**
 * {@code --events <file|->} and, together or not at all, {@code --digest <file|-> --public-key <file|->}; at
 * most one of them may be {@code -} (standard input).
 */
record VerifierArguments(String events, String digest, String publicKey) {

    static final String USAGE = "usage: java -jar governance-verifier.jar --events <export.ndjson|-> "
            + "[--digest <digest.json> --public-key <key.pem>]";

    static VerifierArguments parse(String... args) throws UnusableInputException {
        String events = null;
        String digest = null;
        String publicKey = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new UnusableInputException(args[i] + " needs a value\n" + USAGE);
            }
            switch (args[i]) {
                case "--events" -> events = args[i + 1];
                case "--digest" -> digest = args[i + 1];
                case "--public-key" -> publicKey = args[i + 1];
                default -> throw new UnusableInputException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (events == null) {
            throw new UnusableInputException("--events is required\n" + USAGE);
        }
        if ((digest == null) != (publicKey == null)) {
            throw new UnusableInputException("a digest is only worth its signature: give --digest and --public-key "
                    + "together\n" + USAGE);
        }
        if (List.of(events, String.valueOf(digest), String.valueOf(publicKey)).stream()
                .filter("-"::equals).count() > 1) {
            throw new UnusableInputException("only one input can be standard input (-)\n" + USAGE);
        }
        return new VerifierArguments(events, digest, publicKey);
    }

    boolean withDigest() {
        return digest != null;
    }
}
