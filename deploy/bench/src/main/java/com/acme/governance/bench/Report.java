package com.acme.governance.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The run as Markdown with its charts (PNG, drawn by XChart), every figure beside its limit and its target. */
public final class Report {

    private final BenchOptions options;
    private final String target;
    private final String history;
    private final RawLimits.Figures limits;
    private final List<SizeResult> sizes;
    private final Optional<BacklogDrain.Drained> drained;
    private final Optional<IdleStack.Idle> idle;

    /** @param history how the history was made: through the commands, or copied beyond a size */
    public Report(BenchOptions options, String target, String history, RawLimits.Figures limits,
                  List<SizeResult> sizes, Optional<BacklogDrain.Drained> drained, Optional<IdleStack.Idle> idle) {
        this.options = options;
        this.history = history;
        this.target = target;
        this.limits = limits;
        this.sizes = sizes;
        this.drained = drained;
        this.idle = idle;
    }

    /** Writes {@code README.md} and the charts into the output directory; the report's path. */
    public Path write() throws IOException {
        Files.createDirectories(options.out());
        curveChart(options.out().resolve("b1-command-curve.png"));
        growthChart(options.out().resolve("b7-growth.png"));
        Path report = options.out().resolve("README.md");
        Files.writeString(report, markdown());
        return report;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Performance report\n\n```bash\n").append(options.command()).append("\n```\n\n");
        md.append(String.format(Locale.ROOT, "Run %s against %s. %d cores, Java %s, %s; client and server on this one "
                        + "machine, sharing its cores. Figures are medians of %d round(s); latencies in ms. %s%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), target, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), ManagementFactory.getOperatingSystemMXBean().getName(),
                options.rounds(), history));
        md.append("## Limits of this machine, same run\n\n| limit | per second |\n| --- | ---: |\n");
        row(md, "Kafka produce of the topic's own records (acks=all, idempotent; " + limits.recordBytes()
                + " B average)", limits.kafkaProduce());
        row(md, "Kafka consume of the same records", limits.kafkaConsume());
        row(md, "MongoDB insertOne of the store's own event documents, 1 client, majority + journal ("
                + limits.documentBytes() + " B average)", limits.mongoInsertOne());
        row(md, "MongoDB insertOne, 8 clients, majority + journal", limits.mongoInsertMany());
        row(md, "MongoDB insertMany (batches of 500), majority + journal", limits.mongoBulk());
        row(md, "SHA-256 over the events' canonical bytes, one thread", limits.sha256());
        md.append('\n');
        for (SizeResult size : sizes) {
            scenarios(md, size);
        }
        idle.ifPresent(figures -> idle(md, figures));
        md.append("## Charts\n\n![B1: commands per second and p99 as clients grow](b1-command-curve.png)\n\n"
                + "![B7: B1 p99 and B2 p99 as the history grows](b7-growth.png)\n");
        if (sizes.size() > 1) {
            SizeResult first = sizes.get(0);
            SizeResult last = sizes.get(sizes.size() - 1);
            md.append(String.format(Locale.ROOT, "%n## B7: growth from %,d to %,d events%n%n"
                            + "| figure | at %,d | at %,d | ratio | target | met |%n| --- | ---: | ---: | ---: | ---: | --- |%n"
                            + "| B1 p99 at the 70%% point | %.1f | %.1f | %.2f | <= 1.5 | %s |%n"
                            + "| B2 readable p99 | %.1f | %.1f | %.2f | <= 1.5 | %s |%n",
                    first.events(), last.events(), first.events(), last.events(),
                    first.p99At70(), last.p99At70(), last.p99At70() / first.p99At70(),
                    met(last.p99At70() / first.p99At70() <= 1.5),
                    first.readableP99(), last.readableP99(), last.readableP99() / first.readableP99(),
                    met(last.readableP99() / first.readableP99() <= 1.5)));
        }
        return md.toString();
    }

    private void idle(StringBuilder md, IdleStack.Idle figures) {
        md.append("## B8: the stack idle after the run\n\n| figure | measured | target | met |\n"
                + "| --- | ---: | ---: | --- |\n");
        drained.ifPresent(drain -> md.append(String.format(Locale.ROOT, "| the load's backlog drained before the "
                        + "window (every command-side processor and the read side caught up) | %s | | |%n",
                drain.drained() ? String.format(Locale.ROOT, "%.0f s", drain.seconds())
                        : String.format(Locale.ROOT, "**not** after %.0f s: %s", drain.seconds(),
                        drain.remaining().replace('|', '/')))));
        md.append(String.format(Locale.ROOT, "| CPU, share of one core over %d s | %.1f%% | <= 5%% | %s |%n"
                        + "| heap after a full GC | %.0f MiB | <= 1024 MiB | %s |%n%n", options.idleSeconds(),
                figures.cpuShareOfOneCore() * 100, met(figures.cpuShareOfOneCore() <= 0.05),
                figures.heapAfterFullGcMiB(), met(figures.heapAfterFullGcMiB() <= 1024)));
        if (drained.isPresent() && !drained.get().drained()) {
            md.append("The window was **not idle**: the stack was still working off the load when it began, so the "
                    + "CPU figure includes that work.\n\n");
        }
    }

    private void scenarios(StringBuilder md, SizeResult size) {
        md.append(String.format(Locale.ROOT, "## %,d events stored%n%n| | scenario | measured | limit | ratio | target "
                + "| met |%n| --- | --- | ---: | ---: | ---: | --- | --- |%n", size.events()));
        double durableInsert = limits.mongoInsertMany();
        scenario(md, "B1", "command mix, peak over the curve (commands/s)", size.peak(), durableInsert,
                ">= 50% of the durable insert rate", size.peak() >= 0.5 * durableInsert);
        scenario(md, "B1", "command p99 at the 70% point (" + size.clientsAt70() + " clients)", size.p99At70(),
                Double.NaN, "<= 50 ms", size.p99At70() <= 50);
        scenario(md, "B2", "command answered to readable, p50", size.readableP50(), Double.NaN, "", true);
        scenario(md, "B2", "command answered to readable, p99", size.readableP99(), Double.NaN, "<= 50 ms",
                size.readableP99() <= 50);
        scenario(md, "B2", "catch-up after a " + options.roundSeconds() + " s burst at the peak (ms)",
                size.catchUpMillis(), Double.NaN, "<= 1000 ms", size.catchUpMillis() <= 1000);
        double rebuildLimit = Math.min(limits.kafkaConsume(), limits.mongoBulk());
        scenario(md, "B3", String.format(Locale.ROOT, "rebuild of every read model, %,d events (events/s)",
                size.rebuiltEvents()), size.rebuildRate(), rebuildLimit, ">= 50% of min(consume, bulk write)",
                size.rebuildRate() >= 0.5 * rebuildLimit);
        scenario(md, "B4", "search and a product's grants, p99, while B1 runs at the 70% point", size.readsP99(),
                Double.NaN, "<= 20 ms", size.readsP99() <= 20);
        scenario(md, "B5", String.format(Locale.ROOT, "verify every chain, %,d events (events/s)%s",
                size.verifiedEvents(), size.chainsValid() ? "" : " - INVALID"), size.verifyRate(), limits.sha256(),
                ">= 50% of SHA-256", size.verifyRate() >= 0.5 * limits.sha256());
        scenario(md, "B5", "NDJSON export of the whole trail (events/s)", size.exportRate(), Double.NaN,
                ">= 20,000/s", size.exportRate() >= 20_000);
        scenario(md, "B6", "access-as-of at a random instant, p99", size.asOfP99(), Double.NaN, "<= 200 ms",
                size.asOfP99() <= 200);
        md.append("\n| clients | commands/s | p50 | p99 |\n| ---: | ---: | ---: | ---: |\n");
        size.curve().forEach(point -> md.append(String.format(Locale.ROOT, "| %d | %.0f | %.1f | %.1f |%n",
                point.clients(), point.commandsPerSecond(), point.p50(), point.p99())));
        md.append('\n');
    }

    private static void row(StringBuilder md, String limit, double rate) {
        md.append(String.format(Locale.ROOT, "| %s | %,.0f |%n", limit, rate));
    }

    private static void scenario(StringBuilder md, String id, String name, double measured, double limit,
                                 String target, boolean met) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", id, name, number(measured),
                Double.isNaN(limit) ? "" : number(limit),
                Double.isNaN(limit) ? "" : String.format(Locale.ROOT, "%.2f", measured / limit), target,
                target.isEmpty() ? "" : met(met)));
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String met(boolean met) {
        return met ? "yes" : "**no**";
    }

    private void curveChart(Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title("B1: the command mix as clients grow")
                .xAxisTitle("HTTP clients").yAxisTitle("commands/s (solid), p99 ms (dashed)").build();
        for (SizeResult size : sizes) {
            List<SizeResult.CurvePoint> curve = size.curve();
            double[] clients = curve.stream().mapToDouble(SizeResult.CurvePoint::clients).toArray();
            chart.addSeries(String.format(Locale.ROOT, "commands/s at %,d events", size.events()), clients,
                    curve.stream().mapToDouble(SizeResult.CurvePoint::commandsPerSecond).toArray())
                    .setMarker(SeriesMarkers.CIRCLE);
            chart.addSeries(String.format(Locale.ROOT, "p99 ms at %,d events", size.events()), clients,
                    curve.stream().mapToDouble(SizeResult.CurvePoint::p99).toArray())
                    .setMarker(SeriesMarkers.DIAMOND)
                    .setLineStyle(org.knowm.xchart.style.lines.SeriesLines.DASH_DASH);
        }
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private void growthChart(Path file) throws IOException {
        XYChart chart = new XYChartBuilder().width(900).height(500).title("B7: latency as the history grows")
                .xAxisTitle("events stored").yAxisTitle("ms").build();
        double[] events = sizes.stream().mapToDouble(SizeResult::events).toArray();
        chart.addSeries("B1 command p99 at the 70% point", events,
                sizes.stream().mapToDouble(SizeResult::p99At70).toArray()).setMarker(SeriesMarkers.CIRCLE);
        chart.addSeries("B2 answered to readable p99", events,
                sizes.stream().mapToDouble(SizeResult::readableP99).toArray()).setMarker(SeriesMarkers.DIAMOND);
        chart.addSeries("B6 access-as-of p99", events,
                sizes.stream().mapToDouble(SizeResult::asOfP99).toArray()).setMarker(SeriesMarkers.SQUARE);
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
