package com.acme.governance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** B8: the launched stack left alone: its CPU as a share of one core, and its heap after a full GC (via jcmd). */
public final class IdleStack {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    public record Idle(double cpuShareOfOneCore, double heapAfterFullGcMiB) {
    }

    private IdleStack() {
    }

    public static Idle watch(ProcessHandle stack, int seconds) throws Exception {
        Duration before = stack.info().totalCpuDuration().orElseThrow();
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L); // watching an idle process: the elapsed time is the measurement
        Duration after = stack.info().totalCpuDuration().orElseThrow();
        double share = (after.minus(before).toNanos()) / (double) (System.nanoTime() - start);
        jcmd(stack, "GC.run");
        Matcher used = USED.matcher(jcmd(stack, "GC.heap_info"));
        return new Idle(share, used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN);
    }

    private static String jcmd(ProcessHandle stack, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(stack.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor();
        return output;
    }
}
