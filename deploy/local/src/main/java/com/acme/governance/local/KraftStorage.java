package com.acme.governance.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Formats a KRaft log directory once, the way {@code kafka-storage.sh format} does, through the same
 * {@link Formatter} that the storage tool uses.
 *
 * <p>A KRaft node refuses to start on an unformatted directory. Formatting twice is also an error, and a
 * directory formatted with another cluster id would be rejected, so an already formatted directory is left
 * alone: its cluster id and all its data are kept.
 */
final class KraftStorage {

    private KraftStorage() {
    }

    /**
     * @return the cluster id the directory carries, freshly generated if it was formatted now
     */
    static String formatIfNeeded(Path logDir, int nodeId, String controllerListenerName) {
        String dir = logDir.toAbsolutePath().toString();
        try {
            Files.createDirectories(logDir);
            Optional<String> existing = new MetaPropertiesEnsemble.Loader().addLogDirs(List.of(dir)).load().clusterId();
            if (existing.isPresent()) {
                return existing.get();
            }
            String clusterId = Uuid.randomUuid().toString();
            new Formatter()
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setDirectories(List.of(dir))
                    .setMetadataLogDirectory(dir)
                    .setControllerListenerName(controllerListenerName)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .run();
            return clusterId;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the Kafka log directory " + dir, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot format the Kafka log directory " + dir, e);
        }
    }
}
