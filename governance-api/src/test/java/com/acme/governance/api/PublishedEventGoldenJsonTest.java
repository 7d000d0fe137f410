package com.acme.governance.api;

import com.acme.governance.api.audit.EventCatalog;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The published JSON of every event type and revision is pinned by a checked-in golden file,
 * {@code src/test/resources/golden/<ce_type>.json}: the record value a consumer reads on {@code governance.events}
 * for the canonical sample of {@link ContractSamples}. Renaming, removing, retyping or adding a field of a published
 * revision fails here; such a change is a new revision with a golden file of its own (adr/0004), and the files of
 * revisions already published are never edited.
 *
 * <p>A new event type or revision: run once with {@code -Dgolden.write=true} to write its missing file, check what
 * it wrote, commit it. Existing files are never overwritten.
 */
class PublishedEventGoldenJsonTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    /** The relay's mapper: Spring Boot's default (JavaTimeModule, ISO-8601 instants, no numeric timestamps). */
    private static final ObjectMapper WRITER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    /** Strict about unknown fields, so that a field dropped from the record names itself. */
    private static final ObjectMapper READER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static Stream<Class<?>> publishedEvents() {
        return EventCatalog.events().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedEvents")
    void writesThePublishedJsonOfItsRevision(Class<?> eventClass) throws IOException {
        JsonNode written = WRITER.readTree(WRITER.writeValueAsString(sampleOf(eventClass)));

        assertThat(written)
                .as("%s is written as %s says: a published revision never changes (adr/0004); "
                        + "a different shape is a new revision", eventClass.getSimpleName(), fileOf(eventClass))
                .isEqualTo(golden(eventClass));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedEvents")
    void readsItsPublishedJsonBackIntoTheSample(Class<?> eventClass) throws IOException {
        Object read = READER.readValue(goldenText(eventClass), eventClass);

        assertThat(read).isEqualTo(sampleOf(eventClass));
    }

    /**
     * A superseded revision is still on the topic and in the store as it was sealed: its golden file, unchanged, must
     * read through the catalogue's upcast as the current record, keeping every field it had.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("supersededRevisions")
    void readsEverySupersededRevisionAsTheCurrentOne(String supersededType) throws IOException {
        Class<?> eventClass = EventCatalog.classOf(supersededType).orElseThrow();
        JsonNode stored;
        try (InputStream in = getClass().getResourceAsStream("/golden/" + supersededType + ".json")) {
            assertThat(in).as("the golden file of %s stays while the revision is catalogued", supersededType).isNotNull();
            stored = WRITER.readTree(in);
        }

        JsonNode current = EventCatalog.toCurrentRevision(supersededType, stored);
        Object read = READER.treeToValue(current, eventClass);

        JsonNode readBack = WRITER.valueToTree(read);
        stored.fieldNames().forEachRemaining(field -> assertThat(readBack.get(field))
                .as("%s of %s", field, supersededType).isEqualTo(stored.get(field)));
        assertThat(readBack).as("read as written by the current revision").isEqualTo(current);
    }

    static Stream<String> supersededRevisions() {
        return EventCatalog.upcasts().stream().map(EventCatalog.Upcast::fromType);
    }

    @Test
    void everyPublishedEventHasAGoldenFile() {
        List<String> missing = EventCatalog.events().stream()
                .filter(eventClass -> !Files.exists(pathOf(eventClass)))
                .map(EventCatalog::typeOf)
                .toList();

        assertThat(missing).as("event types without a golden file in %s (write them with -Dgolden.write=true)", GOLDEN)
                .isEmpty();
    }

    @Test
    void everyGoldenFileIsAPublishedEvent() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<String> orphans = files.map(file -> file.getFileName().toString())
                    .filter(name -> EventCatalog.classOf(name.replaceFirst("\\.json$", "")).isEmpty())
                    .toList();

            assertThat(orphans).as("a revision leaves the catalogue only after its consumers are gone (adr/0004); "
                    + "then its golden file goes too").isEmpty();
        }
    }

    @Test
    void eachPublishedEventHasExactlyOneSample() {
        for (Class<?> eventClass : EventCatalog.events()) {
            assertThat(ContractSamples.all().stream().filter(eventClass::isInstance))
                    .as("samples of %s", eventClass.getSimpleName()).hasSize(1);
        }
    }

    private static Object sampleOf(Class<?> eventClass) {
        return ContractSamples.all().stream().filter(eventClass::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("no sample of " + eventClass.getName() + " in ContractSamples"));
    }

    private static JsonNode golden(Class<?> eventClass) throws IOException {
        return WRITER.readTree(goldenText(eventClass));
    }

    private static String goldenText(Class<?> eventClass) throws IOException {
        writeIfMissingAndAsked(eventClass);
        try (InputStream in = PublishedEventGoldenJsonTest.class.getResourceAsStream("/" + fileOf(eventClass))) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (Files.exists(pathOf(eventClass))) { // written by this run, not yet on the class path
            return Files.readString(pathOf(eventClass));
        }
        return fail("no golden file %s for %s (write it with -Dgolden.write=true, then check and commit it)",
                fileOf(eventClass), EventCatalog.typeOf(eventClass));
    }

    private static void writeIfMissingAndAsked(Class<?> eventClass) throws IOException {
        Path path = pathOf(eventClass);
        if (Boolean.getBoolean("golden.write") && !Files.exists(path)) {
            Files.createDirectories(path.getParent());
            Files.writeString(path, WRITER.writerWithDefaultPrettyPrinter().writeValueAsString(sampleOf(eventClass)) + "\n");
        }
    }

    private static String fileOf(Class<?> eventClass) {
        return "golden/" + EventCatalog.typeOf(eventClass) + ".json";
    }

    private static Path pathOf(Class<?> eventClass) {
        return GOLDEN.resolve(EventCatalog.typeOf(eventClass) + ".json");
    }
}
