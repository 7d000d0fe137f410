package com.acme.governance.bench;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * B2: from a command's answer to the moment a read with its token answers 200 (one client, nothing else running),
 * and how long after a burst its last commands become readable.
 */
public final class ReadYourWrites {

    private static final AtomicLong NAMES = new AtomicLong();

    private final Api api;
    private final String run;

    public ReadYourWrites(Api api, String run) {
        this.api = api;
        this.run = run;
    }

    public Samples lags(int samples) {
        Samples lags = new Samples();
        for (int i = 0; i < samples; i++) {
            String name = "r" + run + "-" + NAMES.incrementAndGet();
            HttpResponse<String> registered = api.expect(201, "alice", "POST", "/api/v1/data-products",
                    CommandMix.product(name));
            long answered = System.nanoTime();
            HttpResponse<String> read = api.readWith("alice", "/api/v1/data-products/bench." + name,
                    Api.token(registered));
            if (read.statusCode() != 200) {
                throw new IllegalStateException("read with the token: " + read.statusCode() + " " + read.body());
            }
            lags.add(System.nanoTime() - answered);
        }
        return lags;
    }

    /** Milliseconds from {@code burstEnd} until a read with each of these tokens (one per client) answers. */
    public double catchUpMillis(List<String> tokens, long burstEnd) {
        for (String token : tokens) {
            String aggregate = token.substring(0, token.lastIndexOf(':'));
            // the history of whichever aggregate the token names: a product, or the access request it belongs to
            String path = aggregate.contains(".") ? "/api/v1/data-products/" + aggregate
                    : "/api/v1/access-requests/" + aggregate;
            HttpResponse<String> read = api.readWith("dave", path, token);
            if (read.statusCode() != 200) {
                throw new IllegalStateException("read after the burst: " + read.statusCode() + " " + read.body());
            }
        }
        return (System.nanoTime() - burstEnd) / 1e6;
    }
}
