package com.acme.governance.edge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generators of hostile HTTP input, seeded so that a failing try can be replayed: JSON bodies (valid ones mutated at
 * a random place, random trees, raw bytes), header values, ids and query strings. Property-based testing without
 * shrinking: a failure names its seed and the exact request instead.
 */
public final class Hostile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SplittableRandom random;

    public Hostile(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    public int between(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** A body for an endpoint whose valid body is {@code valid}: mostly that body bent at one place. */
    public byte[] body(String valid) {
        int kind = random.nextInt(100);
        if (kind < 55) {
            return mutated(valid);
        }
        if (kind < 70) {
            return bytes(tree(between(0, 6)).toString());
        }
        if (kind < 78) {
            return duplicateKey(valid);
        }
        if (kind < 84) {
            return bytes(deep(between(50, 300)));
        }
        if (kind < 90) {
            return randomBytes(between(0, 2000));
        }
        if (kind < 94) {
            return bytes(valid + oneOf(List.of(" {}", "]", "}", " 1", " null", "\u0000", ",")));
        }
        if (kind < 97) {
            return bytes(valid.substring(0, between(0, valid.length())));
        }
        return valid == null ? new byte[0] : bytes(valid);
    }

    /** The valid body with one value replaced, one key added or one removed, anywhere in its tree. */
    public byte[] mutated(String valid) {
        JsonNode root = read(valid);
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = oneOf(containers);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            int action = random.nextInt(10);
            if (action < 1 || names.isEmpty()) {
                object.set(oneOf(List.of("unknown", "id", "version", "$where", "__proto__", "")), value());
            } else if (action < 2) {
                object.remove(oneOf(names));
            } else {
                object.set(oneOf(names), value());
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || chance(0.5)) {
                array.add(value());
            } else {
                array.set(random.nextInt(array.size()), value());
            }
        }
        return bytes(root.toString());
    }

    /** A hostile JSON value: wrong types, nulls, extremes. */
    public JsonNode value() {
        return switch (random.nextInt(18)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextInt());
            case 2 -> NODES.numberNode(random.nextDouble() * 1e6 - 5e5);
            case 3 -> NODES.numberNode(new java.math.BigInteger("9".repeat(between(10, 90))));
            case 4 -> NODES.numberNode(-1);
            case 5 -> NODES.booleanNode(chance(0.5));
            case 6 -> NODES.textNode("");
            case 7 -> NODES.textNode(text(between(1, 40)));
            case 8 -> NODES.textNode("x".repeat(between(200, 70_000)));
            case 9 -> NODES.arrayNode().add(NODES.nullNode());
            case 10 -> NODES.arrayNode();
            case 11 -> NODES.objectNode();
            case 12 -> NODES.textNode(oneOf(List.of("CONFIDENTIAL", "OWNER", "STEWARD", "KAFKA_TOPIC", "JSON_SCHEMA",
                    "AVRO", "1.0.0", "sales.orders", "sales", "INTERNAL", "0")));
            case 13 -> NODES.textNode("\uD83D\uDE00".repeat(between(1, 5000)));
            case 14 -> NODES.numberNode(new java.math.BigDecimal("1e" + between(-400, 400)));
            case 15 -> tree(between(1, 4));
            case 16 -> NODES.textNode("{\"$ne\": null}");
            default -> repeated(between(50, 2000));
        };
    }

    /** A random JSON tree of at most {@code depth} levels. */
    public JsonNode tree(int depth) {
        if (depth == 0 || chance(0.3)) {
            return switch (random.nextInt(4)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.numberNode(random.nextLong());
                case 2 -> NODES.booleanNode(chance(0.5));
                default -> NODES.textNode(text(between(0, 20)));
            };
        }
        if (chance(0.5)) {
            ArrayNode array = NODES.arrayNode();
            for (int i = between(0, 5); i > 0; i--) {
                array.add(tree(depth - 1));
            }
            return array;
        }
        ObjectNode object = NODES.objectNode();
        for (int i = between(0, 5); i > 0; i--) {
            object.set(oneOf(List.of("domain", "name", "title", "tags", "rules", "schema", "type", "properties",
                    "when", "then", text(between(1, 8)))), tree(depth - 1));
        }
        return object;
    }

    public String text(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(oneOf(List.of(
                    between('a', 'z'), between(0x20, 0x7e), between(0, 0x1f), between(0x80, 0x7ff),
                    between(0x4e00, 0x9fff), between(0x1f600, 0x1f64f))));
        }
        return text.toString();
    }

    /** A header value: junk, but sendable (no CR or LF, which would end the header). */
    public String headerValue(List<String> plausible) {
        if (chance(0.6)) {
            return oneOf(plausible);
        }
        StringBuilder value = new StringBuilder();
        for (int i = between(0, 60); i > 0; i--) {
            char c = (char) between(0x20, 0xff);
            value.append(c);
        }
        return chance(0.1) ? value.toString().repeat(between(10, 100)) : value.toString();
    }

    /** A path segment for an id: the right one, a plausible one or a hostile one, raw or percent-encoded. */
    public String id(String valid) {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> valid;
            case 3 -> oneOf(List.of("sales.unknown", "0b6f2c1e-6f4f-4d6b-9a55-3c1d2e7f8a01", "policy-x", "a.b", "x"));
            case 4 -> oneOf(List.of("%", "..", "%2e%2e", "a;b", "%00", "%2F", "a%2Fb", "%25", "%C0%AE", "~",
                    "%uFFFF", "a b", "%20", ".", "%ZZ"));
            case 5 -> "x".repeat(between(100, 9000));
            case 6 -> java.net.URLEncoder.encode(text(between(1, 30)), StandardCharsets.UTF_8);
            case 7 -> valid.toUpperCase();
            case 8 -> oneOf(List.of("$ne", "{}", "[]", "null", "-1", "0", "1e400", "%7B%22%24ne%22%3A1%7D"));
            default -> valid + oneOf(List.of(".x", "/", "//", "/..", "%00", ";x=1", "?", "#"));
        };
    }

    /** A query string, or none. */
    public String query() {
        if (chance(0.7)) {
            return "";
        }
        return "?" + oneOf(List.of("page", "size", "domain", "q", "x", "asOf", "%24ne", "a[b]"))
                + "=" + java.net.URLEncoder.encode(text(between(0, 20)), StandardCharsets.UTF_8)
                + (chance(0.3) ? "&page=-1&size=99999999999" : "");
    }

    private String deep(int depth) {
        String open = chance(0.5) ? "[" : "{\"a\":";
        String close = open.equals("[") ? "]" : "}";
        return "{\"schema\": " + open.repeat(depth) + "1" + close.repeat(depth) + "}";
    }

    private JsonNode repeated(int count) {
        ArrayNode array = NODES.arrayNode();
        JsonNode element = chance(0.5) ? NODES.textNode("pii") : NODES.numberNode(1);
        for (int i = 0; i < count; i++) {
            array.add(element);
        }
        return array;
    }

    private byte[] duplicateKey(String valid) {
        String json = valid.trim();
        int colon = json.indexOf("\":");
        if (colon < 0) {
            return bytes("{\"a\": 1, \"a\": 2}");
        }
        int quote = json.lastIndexOf('"', colon - 1);
        String key = json.substring(quote, colon + 2);
        return bytes("{" + key + " " + value() + ", " + json.substring(1));
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            node.forEach(child -> collect(child, containers));
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static Map.Entry<String, String> header(String name, String value) {
        return Map.entry(name, value);
    }
}
