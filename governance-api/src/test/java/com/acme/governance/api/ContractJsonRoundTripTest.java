package com.acme.governance.api;

import com.acme.governance.api.audit.EventCatalog;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every message of the published language survives JSON and back unchanged, with the JSON consumers expect. */
class ContractJsonRoundTripTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static List<Object> messages() {
        return ContractSamples.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void survivesJsonRoundTrip(Object message) throws Exception {
        byte[] bytes = json.writeValueAsBytes(message);
        Object back = json.readValue(bytes, message.getClass());
        assertThat(back).isEqualTo(message);
    }

    @Test
    void everyPublishedEventHasASample() {
        Set<Class<?>> sampled = messages().stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(sampled).containsAll(EventCatalog.events());
    }

    @Test
    void idsAndVersionsAreWrittenAsPlainStrings() throws Exception {
        String written = json.writeValueAsString(messages().stream()
                .filter(m -> m instanceof com.acme.governance.api.dataproduct.ContractVersionPublished)
                .findFirst().orElseThrow());
        assertThat(written).contains("\"id\":\"sales.orders\"").contains("\"version\":\"1.1.0\"");
    }

    @Test
    void everyEventHasAUniqueVersionedType() {
        List<String> types = EventCatalog.events().stream().map(EventCatalog::typeOf).toList();
        assertThat(types).doesNotHaveDuplicates().allMatch(type -> type.matches("governance\\.[a-z-]+\\.[a-z-]+\\.v\\d+"));
        types.forEach(type -> assertThat(EventCatalog.classOf(type)).isPresent());
    }
}
