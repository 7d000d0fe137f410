package com.acme.governance.bench;

import java.util.List;

/**
 * Every scenario's figures at one history size (medians of the rounds; latencies in milliseconds, rates per second).
 *
 * @param curve           B1: one point per number of clients
 * @param p99At70         B1: the command p99 at the measured point nearest to 70% of the peak rate
 * @param clientsAt70     B1: that point's number of clients
 * @param readableP50     B2: command answered to readable with its token, one client
 * @param catchUpMillis   B2: after a burst at the peak's number of clients, until its last commands are readable
 * @param readsP99        B4: product search and a product's grants, while B1 runs at the 70% point
 */
public record SizeResult(long events, List<CurvePoint> curve, double peak, double p99At70, int clientsAt70,
                         double readableP50, double readableP99, double catchUpMillis, double readsP99,
                         double verifyRate, long verifiedEvents, boolean chainsValid, double exportRate,
                         double asOfP99, double rebuildRate, long rebuiltEvents) {

    public record CurvePoint(int clients, double commandsPerSecond, double p50, double p99) {
    }
}
