package com.acme.governance.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.FileSystemUtils;

/**
 * Starts a {@link LocalStack} on free ports in a fresh temporary directory before a test class and stops and
 * deletes it after the class. Registered by {@link LocalStackSupport}; see there for the ordering it relies on.
 */
final class LocalStackExtension implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path dataDir = Files.createTempDirectory("governance-local-it-");
        LocalStack stack = new LocalStack(
                new LocalKafkaBroker(dataDir.resolve("kafka"), FreePort.find(), FreePort.find()),
                new LocalMongo(dataDir.resolve("mongo.mv"), FreePort.find()));
        stack.start();
        LocalStackSupport.attach(stack, dataDir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        Path dataDir = LocalStackSupport.dataDir();
        try {
            LocalStackSupport.detach().stop();
        } finally {
            FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
