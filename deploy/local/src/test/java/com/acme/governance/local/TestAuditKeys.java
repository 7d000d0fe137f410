package com.acme.governance.local;

import com.acme.governance.api.audit.PemKeys;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

/**
 * The audit keys the local launcher would create under its data directory, for a test that runs the combined
 * application in-process (where the launcher does not run), so that digests are signed and verified there too.
 */
final class TestAuditKeys {

    private TestAuditKeys() {
    }

    static void register(DynamicPropertyRegistry registry) throws IOException {
        Path keys = Files.createTempDirectory("audit-keys");
        KeyPair pair = PemKeys.generate();
        Path signing = Files.writeString(keys.resolve("signing.pem"),
                PemKeys.pem(pair.getPrivate()) + PemKeys.pem(pair.getPublic()));
        Path verifying = Files.writeString(keys.resolve("public.pem"), PemKeys.pem(pair.getPublic()));
        registry.add("governance.audit.signing-key", signing::toString);
        registry.add("governance.audit.public-key", verifying::toString);
    }
}
