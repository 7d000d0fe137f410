package com.acme.governance.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness at tiny sizes against the local stack's jar, so that it cannot rot: every scenario runs at two sizes, the
 * second reached by copying the history, and the report and its charts are written. It asserts no timing: figures on a shared CI machine mean nothing.
 */
class BenchSmokeIT {

    @Test
    void everyScenarioRunsAndTheReportIsWritten(@TempDir Path out) throws Exception {
        String jar = System.getProperty("governance.local.jar");
        assertThat(jar).as("the local stack's jar, built before this module").isNotNull();

        Path report = new Bench(BenchOptions.parse("--tiny=true", "--jar=" + jar, "--out=" + out)).run();

        String markdown = Files.readString(report);
        assertThat(markdown).contains("--tiny=true");
        for (String scenario : new String[] {"| B1 |", "| B2 |", "| B3 |", "| B4 |", "| B5 |", "| B6 |", "B8"}) {
            assertThat(markdown).as(scenario).contains(scenario);
        }
        assertThat(markdown).as("B8 waited for the load's backlog, which drains in seconds at this size")
                .contains("the load's backlog drained before the window").doesNotContain("not idle");
        assertThat(markdown).as("the second size was reached by copying the history")
                .contains("the history was copied");
        assertThat(Pattern.compile("(?m)^## [\\d,]+ events stored$").matcher(markdown).results().count())
                .as("the scenarios ran at both sizes").isEqualTo(2);
        assertThat(markdown).as("every chain verified valid, the copies' included").doesNotContain("INVALID")
                .contains("Kafka produce", "MongoDB insertMany", "SHA-256");
        for (String chart : new String[] {"b1-command-curve.png", "b7-growth.png"}) {
            byte[] png = Files.readAllBytes(out.resolve(chart));
            assertThat(png).as(chart).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        }
    }
}
