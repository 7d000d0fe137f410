package com.acme.governance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The benchmark harness: launches the local stack (or targets a running one), grows its history, measures this
 * machine's limits and every scenario at every size, prints a table and writes the report under
 * {@code docs/performance/}. Run as the README's "Benchmarks" section says.
 */
public final class Bench {

    private static final int LAG_SAMPLES = 100;
    private static final int AS_OF_SAMPLES = 100;
    private static final int LIMIT_CLIENTS = 8;

    private final BenchOptions options;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    Bench(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] arguments) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path report = new Bench(BenchOptions.parse(arguments)).run();
        System.out.println("Report: " + report.toAbsolutePath());
    }

    Path run() throws Exception {
        progress("starting " + options.url().map(url -> "against " + url).orElse("the local stack from "
                + options.jar()));
        try (Stack stack = options.url().isPresent()
                ? Stack.target(options.url().get(), options.mongoUri().orElseThrow(), options.kafka().orElseThrow())
                : Stack.launch(options.jar(), Files.createTempDirectory("governance-bench"), options.heap(),
                        options.recording().map(Path::toAbsolutePath), options.stores())) {
            Api api = new Api(stack.url());
            Instant began = Instant.now();
            CommandMix.definePolicy(api, run);
            try (MeshLoader loader = new MeshLoader(api, run, stack.mongoUri());
                 HistoryCopies copies = new HistoryCopies(stack.kafka(), stack.mongoUri(), run)) {
                loader.growTo(Math.min(options.sizes().get(0), options.growBeyond()), Bench::progress);
                progress("measuring this machine's limits");
                RawLimits.Figures limits = new RawLimits(stack.kafka(), stack.mongoUri(), run)
                        .measure(options.limitRecords(), LIMIT_CLIENTS);
                progress(String.format(Locale.ROOT, "limits: Kafka produce %.0f/s, consume %.0f/s; MongoDB insert "
                                + "%.0f/s (1 client), %.0f/s (8), bulk %.0f/s; SHA-256 %.0f/s",
                        limits.kafkaProduce(), limits.kafkaConsume(), limits.mongoInsertOne(),
                        limits.mongoInsertMany(), limits.mongoBulk(), limits.sha256()));
                List<SizeResult> results = new ArrayList<>();
                for (int size : options.sizes()) {
                    loader.growTo(Math.min(size, options.growBeyond()), Bench::progress);
                    if (size > options.growBeyond()) {
                        copy(api, stack.kafka(), copies, size);
                    }
                    results.add(atSize(api, loader.storedEvents(), began));
                    print(results.get(results.size() - 1));
                }
                Optional<IdleStack.Idle> idle = Optional.empty();
                Optional<BacklogDrain.Drained> drained = Optional.empty();
                if (stack.process().isPresent()) {
                    drained = Optional.of(drain(api, stack.kafka()));
                    progress("watching the stack idle for " + options.idleSeconds() + " s");
                    idle = Optional.of(IdleStack.watch(stack.process().get(), options.idleSeconds()));
                }
                String target = options.url().map(url -> url + " (MongoDB " + options.mongoUri().get() + ", Kafka "
                        + options.kafka().get() + ")").orElse("the local stack launched from " + options.jar()
                        + options.stores().map(stores -> " on MongoDB " + stores.mongoUri() + " and Kafka "
                                + stores.kafka() + " (grants not provisioned as ACLs)")
                                .orElse(" (embedded Kafka broker and MongoDB-wire server with its durable store)")
                        + ", -Xmx" + options.heap());
                String history = copies.copies() == 0 ? "Every event was decided by the commands."
                        : String.format(Locale.ROOT, "The first %,d events were decided by the commands; beyond %,d "
                                + "events the history was copied %d times (%,d events each) straight into the event "
                                + "store and onto the topic, each copy with hash chains of its own, not decided by "
                                + "commands (HistoryCopies, ADR 0034).", copies.originalEvents(),
                        options.growBeyond(), copies.copies(), copies.originalEvents());
                return new Report(options, target, history, limits, results, drained, idle).write();
            }
        }
    }

    /**
     * Copies the history up to {@code size} once the command side has handled all of it (its processors are then
     * past the copies' timestamps), then waits for the read side to ingest the copies: the scenarios measure a read
     * side that has caught up, as after any backlog.
     */
    private void copy(Api api, String kafka, HistoryCopies copies, int size) throws Exception {
        Duration wait = Duration.ofSeconds(options.catchUpSeconds());
        BacklogDrain drain = new BacklogDrain(api, kafka);
        drain.await(wait, Bench::progress);
        copies.growTo(size, Bench::progress);
        BacklogDrain.Drained ingested = drain.await(wait, Bench::progress);
        progress(String.format(Locale.ROOT, "the copies %s in %.0f s", ingested.drained()
                ? "were ingested" : "were NOT all ingested (" + ingested.remaining() + ")", ingested.seconds()));
    }

    /** B8 watches the stack only once the load's backlog has drained, or says that it had not. */
    private BacklogDrain.Drained drain(Api api, String kafka) throws Exception {
        progress("waiting up to " + options.idleWaitSeconds() + " s until every command-side processor and the read "
                + "side have handled what the load left");
        BacklogDrain.Drained drained = new BacklogDrain(api, kafka)
                .await(Duration.ofSeconds(options.idleWaitSeconds()), Bench::progress);
        progress(drained.drained()
                ? String.format(Locale.ROOT, "backlog drained in %.0f s", drained.seconds())
                : String.format(Locale.ROOT, "backlog NOT drained after %.0f s (%s): B8 watches a stack still at work",
                        drained.seconds(), drained.remaining()));
        return drained;
    }

    private SizeResult atSize(Api api, long events, Instant began) throws Exception {
        progress(String.format(Locale.ROOT, "scenarios at %,d events", events));
        CommandCurve curve = new CommandCurve(api, run);
        List<SizeResult.CurvePoint> points = new ArrayList<>();
        List<String> pending = List.of(); // the last commands of the latest load: readable before B2 measures
        for (int clients : options.clients()) {
            List<Double> rates = new ArrayList<>();
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            for (int round = 0; round < options.rounds(); round++) {
                CommandCurve.Point point = curve.measure(clients, options.roundSeconds(), false);
                pending = point.lastTokens();
                rates.add(point.commandsPerSecond());
                p50s.add(point.p50());
                p99s.add(point.p99());
            }
            points.add(new SizeResult.CurvePoint(clients, Samples.median(rates), Samples.median(p50s),
                    Samples.median(p99s)));
            progress(String.format(Locale.ROOT, "B1 %d clients: %.0f commands/s, p50 %.1f ms, p99 %.1f ms", clients,
                    Samples.median(rates), Samples.median(p50s), Samples.median(p99s)));
        }
        SizeResult.CurvePoint peak = points.stream().max(Comparator.comparingDouble(
                SizeResult.CurvePoint::commandsPerSecond)).orElseThrow();
        SizeResult.CurvePoint at70 = points.stream().min(Comparator.comparingDouble(point ->
                Math.abs(point.commandsPerSecond() - 0.7 * peak.commandsPerSecond()))).orElseThrow();

        ReadYourWrites readable = new ReadYourWrites(api, run);
        List<Double> lagP50s = new ArrayList<>();
        List<Double> lagP99s = new ArrayList<>();
        List<Double> catchUps = new ArrayList<>();
        List<Double> readP99s = new ArrayList<>();
        for (int round = 0; round < options.rounds(); round++) {
            readable.catchUpMillis(pending, System.nanoTime()); // a lag measured behind a backlog is the backlog's
            Samples lags = readable.lags(LAG_SAMPLES);
            lagP50s.add(lags.percentileMillis(50));
            lagP99s.add(lags.percentileMillis(99));
            CommandCurve.Point burst = curve.measure(peak.clients(), options.roundSeconds(), false);
            catchUps.add(readable.catchUpMillis(burst.lastTokens(), System.nanoTime()));
            CommandCurve.Point underLoad = curve.measure(at70.clients(), options.roundSeconds(), true);
            readP99s.add(underLoad.reads().percentileMillis(99));
            pending = underLoad.lastTokens();
        }
        progress(String.format(Locale.ROOT, "B2 readable p50 %.1f ms, p99 %.1f ms; catch-up %.0f ms; B4 reads p99 "
                        + "%.1f ms", Samples.median(lagP50s), Samples.median(lagP99s), Samples.median(catchUps),
                Samples.median(readP99s)));

        AuditReads audit = new AuditReads(api);
        AuditReads.Verified verified = audit.verify();
        double export = audit.exportRate();
        double asOf = audit.accessAsOf(run, CommandMix.registered(), began, AS_OF_SAMPLES).percentileMillis(99);
        progress(String.format(Locale.ROOT, "B5 verify %.0f events/s (%s), export %.0f events/s; B6 as-of p99 %.1f ms; "
                        + "reads retried after 503 store-unavailable so far: %d", verified.eventsPerSecond(),
                verified.valid() ? "valid" : "INVALID", export, asOf, Api.storeUnavailableRetries()));
        RebuildRun.Rebuilt rebuilt = new RebuildRun(api).rebuild(Bench::progress);
        progress(String.format(Locale.ROOT, "B3 rebuild %.0f events/s (%,d events in %.0f s)",
                rebuilt.eventsPerSecond(), rebuilt.events(), rebuilt.seconds()));
        return new SizeResult(events, points, peak.commandsPerSecond(), at70.p99(), at70.clients(),
                Samples.median(lagP50s), Samples.median(lagP99s), Samples.median(catchUps), Samples.median(readP99s),
                verified.eventsPerSecond(), verified.events(), verified.valid(), export, asOf,
                rebuilt.eventsPerSecond(), rebuilt.events());
    }

    private static void print(SizeResult result) {
        System.out.printf(Locale.ROOT, "%n%,d events | B1 peak %.0f/s, p99@70%% %.1f ms | B2 p99 %.1f ms, catch-up %.0f "
                        + "ms | B3 %.0f/s | B4 p99 %.1f ms | B5 verify %.0f/s, export %.0f/s | B6 p99 %.1f ms%n%n",
                result.events(), result.peak(), result.p99At70(), result.readableP99(), result.catchUpMillis(),
                result.rebuildRate(), result.readsP99(), result.verifyRate(), result.exportRate(), result.asOfP99());
    }

    static void progress(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
    }
}
