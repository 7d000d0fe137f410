package com.acme.governance.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * B1 and B4: the command mix from N clients for a fixed time, the curve as N grows; optionally with one reader
 * beside the writers, asking the product search (a subject and a region, {@link ProductWords}) and a product's
 * grants as fast as it is answered.
 */
public final class CommandCurve {

    /** One point: N clients, commands per second, command latency, and the reads made meanwhile (if any). */
    public record Point(int clients, double commandsPerSecond, double p50, double p99, List<String> lastTokens,
                        Samples reads) {
    }

    private final Api api;
    private final String run;

    public CommandCurve(Api api, String run) {
        this.api = api;
        this.run = run;
    }

    public Point measure(int clients, int seconds, boolean withReader) throws Exception {
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        AtomicInteger commands = new AtomicInteger();
        Samples reads = new Samples();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread reader = withReader ? new Thread(() -> read(writing, reads), "bench-reader") : null;
        if (reader != null) {
            reader.start();
        }
        List<CommandMix> mixes;
        try {
            mixes = Workers.run(clients, client -> {
                CommandMix mix = new CommandMix(api, run);
                while (System.nanoTime() < deadline) {
                    commands.addAndGet(mix.tellOnce(deadline));
                }
                return mix;
            });
        } finally {
            writing.set(false);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (reader != null) {
            reader.join();
        }
        Samples latencies = new Samples();
        List<String> tokens = new ArrayList<>();
        for (CommandMix mix : mixes) {
            latencies.addAll(mix.all());
            if (mix.lastToken() != null) {
                tokens.add(mix.lastToken());
            }
        }
        return new Point(clients, commands.get() / elapsed, latencies.percentileMillis(50),
                latencies.percentileMillis(99), tokens, reads);
    }

    private void read(AtomicBoolean writing, Samples reads) {
        int i = 0;
        SplittableRandom random = new SplittableRandom(42);
        while (writing.get()) {
            String path = i++ % 2 == 0 ? "/api/v1/data-products?q=" + ProductWords.search(random) + "&size=20"
                    : "/api/v1/access-grants?dataProductId=bench.p" + run + "-" + (1 + i % 50) + "&size=20";
            long begin = System.nanoTime();
            api.expect(200, "dave", "GET", path, null);
            reads.add(System.nanoTime() - begin);
        }
    }
}
