package com.acme.governance.query.support;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonValue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the {@code find} commands the application sends to MongoDB, per collection: how many reads a request made. */
public final class MongoFinds implements CommandListener {

    private final Map<String, AtomicInteger> finds = new ConcurrentHashMap<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonValue collection = event.getCommand().get("find");
        if (collection != null && collection.isString()) {
            finds.computeIfAbsent(collection.asString().getValue(), name -> new AtomicInteger()).incrementAndGet();
        }
    }

    public void reset() {
        finds.clear();
    }

    public int of(String collection) {
        AtomicInteger count = finds.get(collection);
        return count == null ? 0 : count.get();
    }
}
