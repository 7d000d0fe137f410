package com.acme.governance.local;

import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/**
 * GraphQL over WebSocket (graphql-ws) at {@code /graphql} of the local application, as its clients speak it: with
 * credentials on the upgrade request (headers), in the {@code connection_init} payload (as browsers must), or both;
 * and, to see exactly what the server does, the protocol's messages by hand.
 */
final class GraphQlWebSocket {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PROTOCOL = "graphql-transport-ws";

    private final int port;

    GraphQlWebSocket(int port) {
        this.port = port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String basic(String user) {
        return basic(user, user + "-pw");
    }

    static HttpHeaders authorization(String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.AUTHORIZATION, value);
        return headers;
    }

    URI uri() {
        return URI.create("ws://localhost:" + port + "/graphql");
    }

    /** A client whose upgrade request carries these headers and whose {@code connection_init} this payload. */
    WebSocketGraphQlTester tester(HttpHeaders handshake, Map<String, Object> connectionInit) {
        return WebSocketGraphQlTester.builder(uri(), new StandardWebSocketClient())
                .headers(headers -> headers.addAll(handshake))
                .interceptor(new WebSocketGraphQlClientInterceptor() {
                    @Override
                    public Mono<Object> connectionInitPayload() {
                        return Mono.just(connectionInit);
                    }
                })
                .build();
    }

    /** Keeps the types of the events that a {@code governanceEvents} subscription receives, until closed. */
    static Followed follow(Flux<GraphQlTester.Response> events) {
        List<String> types = new CopyOnWriteArrayList<>();
        Disposable subscription = events.subscribe(response ->
                types.add(response.path("governanceEvents.type").entity(String.class).get()));
        return new Followed(types, subscription);
    }

    /** The types received so far by a subscription that {@link #close()} ends. */
    record Followed(List<String> types, Disposable subscription) implements AutoCloseable {

        @Override
        public void close() {
            subscription.dispose();
        }
    }

    /**
     * Sends these graphql-ws messages one after the other, without waiting for any answer, and keeps what the server
     * sends until it closes the connection.
     */
    Exchange exchange(HttpHeaders handshake, String... messages) {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicReference<CloseStatus> closed = new AtomicReference<>();
        WebSocketHandler handler = new WebSocketHandler() {
            @Override
            public List<String> getSubProtocols() {
                return List.of(PROTOCOL);
            }

            @Override
            public Mono<Void> handle(WebSocketSession session) {
                session.closeStatus().subscribe(closed::set);
                return session.send(Flux.fromArray(messages).map(session::textMessage))
                        .and(session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(received::add));
            }
        };
        new StandardWebSocketClient().execute(uri(), handshake, handler).block(WAIT);
        await().atMost(WAIT).until(() -> closed.get() != null);
        return new Exchange(closed.get(), List.copyOf(received));
    }

    /** What the server answered to a connection, and how it closed it. */
    record Exchange(CloseStatus closed, List<String> received) {
    }

    /**
     * The status line's code of a GET with these extra header lines, over a plain socket: {@code java.net.http} may not
     * send {@code Upgrade}.
     */
    int statusOfGet(String path, String... headerLines) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        // only the status line is read: the connection is closed whatever it was to become
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return Integer.parseInt(statusLine(socket.getInputStream()).split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String statusLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().strip();
    }

    /** The headers of a WebSocket upgrade request, for {@link #statusOfGet}. */
    static String[] upgradeHeaders(String... more) {
        List<String> lines = new ArrayList<>(List.of("Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
                "Sec-WebSocket-Protocol: " + PROTOCOL));
        lines.addAll(List.of(more));
        return lines.toArray(String[]::new);
    }
}
