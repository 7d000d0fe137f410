package com.acme.governance.local.mongo;

import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The matches of a query sorted by an indexed field first, read from that index in its order as the client asks for
 * them, batch by batch, as MongoDB walks an index: the documents of one value of the field are sorted by the sort's
 * later keys together, so nothing more than a batch and one value's documents is held. The stock server sorts and
 * holds every match for the length of the cursor: a verification of a million events held them all (ADR 0049).
 */
final class StreamedInSortOrder implements Cursor {

    private static final ValueComparator VALUES = ValueComparator.asc();

    private final long id;
    private final Iterator<Object> positions;
    private final String field;
    private final Function<Object, Document> read;
    private final Predicate<Document> matches;
    private final UnaryOperator<List<Document>> sortedAndProjected;
    private final List<Document> ready = new ArrayList<>();
    private List<Document> group = new ArrayList<>();
    private Object groupValue;

    /**
     * @param positions          the index's positions in the field's order, each document once
     * @param sortedAndProjected the documents of one value in the sort's full order, projected as the query asks
     */
    StreamedInSortOrder(long id, Iterator<Object> positions, String field, Function<Object, Document> read,
                        Predicate<Document> matches, UnaryOperator<List<Document>> sortedAndProjected) {
        this.id = id;
        this.positions = positions;
        this.field = field;
        this.read = read;
        this.matches = matches;
        this.sortedAndProjected = sortedAndProjected;
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public synchronized boolean isEmpty() {
        fill(1);
        return ready.isEmpty();
    }

    @Override
    public synchronized List<Document> takeDocuments(int numberToReturn) {
        fill(numberToReturn);
        List<Document> taken = new ArrayList<>(ready.subList(0, Math.min(numberToReturn, ready.size())));
        ready.subList(0, taken.size()).clear();
        return taken;
    }

    private void fill(int wanted) {
        while (ready.size() < wanted && positions.hasNext()) {
            Document document = read.apply(positions.next());
            if (document == null || !matches.test(document)) {
                continue;
            }
            Object value = document.get(field);
            if (!group.isEmpty() && VALUES.compare(value, groupValue) != 0) {
                flushGroup();
            }
            groupValue = value;
            group.add(document);
        }
        if (ready.size() < wanted && !positions.hasNext() && !group.isEmpty()) {
            flushGroup();
        }
    }

    private void flushGroup() {
        ready.addAll(sortedAndProjected.apply(group));
        group = new ArrayList<>();
    }
}
