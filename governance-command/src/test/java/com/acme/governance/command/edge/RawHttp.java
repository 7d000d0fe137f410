package com.acme.governance.command.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (chunked) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else if (contentLength >= 0) {
                head.append("Content-Length: ").append(contentLength).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
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

    private static Response read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (end < 0) {
            throw new IOException("no HTTP answer: " + new String(all, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            rest = dechunk(rest);
        }
        return new Response(status, headers, rest);
    }

    private static byte[] dechunk(byte[] data) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = 0;
        while (position < data.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(data, position, data.length),
                    "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            String sizeLine = new String(data, position, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = Integer.parseInt(sizeLine, 16);
            position += lineEnd + 2;
            if (size == 0) {
                break;
            }
            body.write(data, position, size);
            position += size + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
