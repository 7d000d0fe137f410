package com.acme.governance.edge.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** Calls released at the same moment from several threads, and how often each answer came (HTTP statuses, say). */
public final class Concurrently {

    private Concurrently() {
    }

    /**
     * @param count   how many calls
     * @param threads how many run at once
     * @param call    the i-th call
     */
    public static <T> Map<T, Long> countAnswers(int count, int threads, IntFunction<Callable<T>> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Callable<T> next = call.apply(i);
                answers.add(pool.submit(() -> {
                    start.await();
                    return next.call();
                }));
            }
            start.countDown();
            List<T> all = new ArrayList<>();
            for (Future<T> answer : answers) {
                all.add(answer.get());
            }
            return all.stream().collect(Collectors.groupingBy(answer -> answer, Collectors.counting()));
        } finally {
            pool.shutdownNow();
        }
    }
}
