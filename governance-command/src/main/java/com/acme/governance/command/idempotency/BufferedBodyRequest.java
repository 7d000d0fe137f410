package com.acme.governance.command.idempotency;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read up front, so that it can be compared with a key's first request before the command
 * runs (Spring's ContentCachingRequestWrapper only keeps what the handler has read, after the fact). The handler
 * reads the same bytes. A body over the limit is not held: what was read is put back in front of the rest.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final boolean complete;
    private final InputStream stream;

    private BufferedBodyRequest(HttpServletRequest request, byte[] body, boolean complete, InputStream stream) {
        super(request);
        this.body = body;
        this.complete = complete;
        this.stream = stream;
    }

    static BufferedBodyRequest of(HttpServletRequest request, int maxBytes) throws IOException {
        InputStream in = request.getInputStream();
        byte[] read = in.readNBytes(maxBytes + 1);
        if (read.length <= maxBytes) {
            return new BufferedBodyRequest(request, read, true, new ByteArrayInputStream(read));
        }
        return new BufferedBodyRequest(request, new byte[0], false,
                new SequenceInputStream(new ByteArrayInputStream(read), in));
    }

    /** The whole body, if it was within the limit. */
    boolean complete() {
        return complete;
    }

    byte[] body() {
        return body.clone();
    }

    @Override
    public ServletInputStream getInputStream() {
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                return stream.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return stream.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                try {
                    return stream.available() == 0;
                } catch (IOException e) {
                    return true;
                }
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("the body was read already; no asynchronous reading");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
}
