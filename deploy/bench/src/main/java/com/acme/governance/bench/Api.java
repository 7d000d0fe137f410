package com.acme.governance.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/** The service's REST API as the local users call it: HTTP Basic, JSON, the consistency token header. */
public final class Api {

    public static final String TOKEN = "X-Governance-Token";
    static final int STORE_RETRIES = 120;
    private static final AtomicLong STORE_UNAVAILABLE = new AtomicLong();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public Api(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpResponse<String> send(String user, String method, String path, String body, String... headers) {
        return send(Duration.ofSeconds(120), user, method, path, body, headers);
    }

    private HttpResponse<String> send(Duration timeout, String user, String method, String path, String body,
                                      String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8)));
        if (headers.length > 0) {
            request.headers(headers);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Sends and insists on the status: a benchmark that counts refusals as work measures nothing. A read answered
     * 503 {@code store-unavailable} ("retry later") is retried for up to {@link #STORE_RETRIES} seconds, as a client
     * would, and counted ({@link #storeUnavailableRetries()}); its latency includes the wait.
     */
    public HttpResponse<String> expect(int status, String user, String method, String path, String body,
                                       String... headers) {
        return expect(Duration.ofSeconds(120), status, user, method, path, body, headers);
    }

    /** The same, for a request that takes as long as the history is (a verification of a million events: minutes). */
    public HttpResponse<String> expect(Duration timeout, int status, String user, String method, String path,
                                       String body, String... headers) {
        HttpResponse<String> response = send(timeout, user, method, path, body, headers);
        for (int retry = 0; retry < STORE_RETRIES && method.equals("GET") && response.statusCode() == 503
                && response.body().contains("store-unavailable"); retry++) {
            STORE_UNAVAILABLE.incrementAndGet();
            pause();
            response = send(timeout, user, method, path, body, headers);
        }
        if (response.statusCode() != status) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": expected " + status + ", got "
                    + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /** How many reads of this JVM were answered 503 store-unavailable and retried. */
    public static long storeUnavailableRetries() {
        return STORE_UNAVAILABLE.get();
    }

    private static void pause() {
        try {
            Thread.sleep(1000); // the server asked to retry later; nothing to wait on but time
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static String token(HttpResponse<?> response) {
        return response.headers().firstValue(TOKEN)
                .orElseThrow(() -> new IllegalStateException("no " + TOKEN + " in the answer"));
    }

    /** Reads with the token until the read side has it: the server waits (bounded) and answers 503 while behind. */
    public HttpResponse<String> readWith(String user, String path, String token) {
        while (true) {
            HttpResponse<String> read = send(user, "GET", path, null, TOKEN, token);
            if (read.statusCode() != 503) {
                return read;
            }
        }
    }
}
