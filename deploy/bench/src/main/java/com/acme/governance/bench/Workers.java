package com.acme.governance.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** N clients at once, each on its own thread, until each has finished; the first failure fails the run. */
final class Workers {

    private Workers() {
    }

    static <T> List<T> run(int clients, IntFunction<T> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int index = c;
                running.add(pool.submit(() -> client.apply(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
