package com.acme.governance.edge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket: sends what a real client may send and java.net.http refuses to (a malformed path,
 * a body shorter than its Content-Length, chunks), and reads the answer whole.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + ", " + contentType() + "): " + text(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + text();
        }
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user + "-pw").getBytes(StandardCharsets.UTF_8));
    }

    /** A request with a body of its Content-Length (none when {@code body} is null). */
    public Response send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        return exchange(method, target, headers, body, body == null ? -1 : body.length, false);
    }

    /** Announces {@code declaredLength} bytes but sends only {@code body}: what a server that waits would hang on. */
    public Response announce(String method, String target, Map<String, String> headers, byte[] body,
                             long declaredLength) throws IOException {
        return exchange(method, target, headers, body, declaredLength, false);
    }

    public Response chunked(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        return exchange(method, target, headers, body, -1, true);
    }

    private Response exchange(String method, String target, Map<String, String> headers, byte[] body,
                              long contentLength, boolean chunked) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.setTcpNoDelay(true); // else each small write may wait out a delayed acknowledgement
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (contentLength >= 0) {
                head.append("Content-Length: ").append(contentLength).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                if (body != null && chunked) {
                    for (int offset = 0; offset < body.length; offset += 8192) {
                        int n = Math.min(8192, body.length - offset);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body, offset, n);
                        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (IOException serverStoppedReading) {
                // a server may answer and close before it has read everything: its answer is still to be read
            }
            return read(socket.getInputStream());
        }
    }

    /** Reads the answer by its framing, not to the end of the stream: a server may close late. */
    private static Response read(InputStream raw) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        String statusLine = line(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            throw new IOException("no HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static int chunkSize(InputStream in) throws IOException {
        String line = line(in);
        return line == null ? 0 : Integer.parseInt(line.split(";")[0].trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
