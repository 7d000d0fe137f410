package com.acme.governance.api.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventExtensionsTest {

    /** CloudEvents 1.0 context attributes; an extension must not take one of their names. */
    private static final List<String> SPEC_ATTRIBUTES = List.of("id", "source", "specversion", "type",
            "datacontenttype", "dataschema", "subject", "time", "data", "data_base64");

    @Test
    void extensionNamesAreValidCloudEventsAttributeNames() {
        // the spec: lowercase letters and digits only, at most 20 characters recommended
        assertThat(CloudEventExtensions.ALL).doesNotHaveDuplicates()
                .allMatch(name -> name.matches("[a-z0-9]{1,20}"))
                .doesNotContainAnyElementsOf(SPEC_ATTRIBUTES);
    }

    @Test
    void aListExtensionReadsBackAsTheListItWasWrittenFrom() {
        assertThat(CloudEventExtensions.split(CloudEventExtensions.joined(List.of("sales", "logistics"))))
                .containsExactly("sales", "logistics");
        assertThat(CloudEventExtensions.joined(List.of())).isEmpty();
        assertThat(CloudEventExtensions.split("")).isEmpty();
        assertThat(CloudEventExtensions.split(null)).isEmpty();
        assertThat(CloudEventExtensions.split(" sales, ,logistics ")).containsExactly("sales", "logistics");
    }
}
