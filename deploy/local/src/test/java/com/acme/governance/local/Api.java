package com.acme.governance.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A client of the public REST API, as a caller sees it: HTTP Basic as one of the local users, JSON in and out. */
final class Api {

    static final String TOKEN = "X-Governance-Token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    Caller as(String user) {
        return new Caller(user);
    }

    final class Caller {
        private final String authorization;

        private Caller(String user) {
            this.authorization = "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
        }

        Response get(String path, String... headers) {
            return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
        }

        Response post(String path, String body, String... headers) {
            return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json"), headers);
        }

        Response put(String path, String body, String... headers) {
            return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/json"), headers);
        }

        /** A read that waits for the write the token stands for. */
        Response delete(String path, String... headers) {
            return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
        }

        Response getAfter(Response write, String path) {
            return get(path, TOKEN, write.header(TOKEN).orElseThrow());
        }

        private Response send(HttpRequest.Builder request, String... headers) {
            request.header("Authorization", authorization).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30));
            for (int i = 0; i < headers.length; i += 2) {
                request.setHeader(headers[i], headers[i + 1]);
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    record Response(int status, Map<String, java.util.List<String>> headers, String text) {

        Response {
            Map<String, java.util.List<String>> lowerCased = new LinkedHashMap<>();
            headers.forEach((name, values) -> lowerCased.put(name.toLowerCase(), values));
            headers = lowerCased;
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase())).flatMap(v -> v.stream().findFirst());
        }

        JsonNode json() {
            try {
                return text == null || text.isEmpty() ? MissingNode.getInstance() : JSON.readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }
}
