package com.acme.governance.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Finds a TCP port that is free on the loopback interface right now.
 *
 * <p>The port is released before it is returned, so another process may take it in between; that race is
 * accepted because the callers (tests, the broker's controller listener) need the number before they bind,
 * to put it into configuration. Within this JVM a port is never handed out twice: the operating system may
 * offer a just-released port again, and two listeners of one broker configured on the same number refuse to
 * start (a CI run failed on exactly that).
 */
public final class FreePort {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePort() {
    }

    public static int find() {
        return findOtherThan();
    }

    /**
     * A free port that is none of {@code taken}: ports chosen in another process (a test launching this one), free
     * and released there, which the operating system may offer here again.
     */
    public static synchronized int findOtherThan(int... taken) {
        while (true) {
            int port = probe();
            if (IntStream.of(taken).noneMatch(other -> other == port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback interface", e);
        }
    }
}
