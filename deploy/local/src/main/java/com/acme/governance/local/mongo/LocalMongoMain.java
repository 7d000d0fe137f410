package com.acme.governance.local.mongo;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import com.acme.governance.local.LocalMongo;

/**
 * The embedded MongoDB-wire server alone, as its own process: {@code <store file> <port> [fsync=true|false]}.
 * For running the services as separate processes against one shared store, and for crash tests that kill it.
 */
public final class LocalMongoMain {

    private LocalMongoMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 2) {
            System.err.println("usage: LocalMongoMain <store file> <port> [fsync=true|false]");
            System.exit(2);
        }
        boolean fsync = args.length < 3 || Boolean.parseBoolean(args[2]);
        LocalMongo mongo = new LocalMongo(Path.of(args[0]), Integer.parseInt(args[1]), fsync);
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::stop, "local-mongo-stop"));
        System.out.println("LocalMongo ready on " + mongo.connectionString());
        new CountDownLatch(1).await();
    }
}
