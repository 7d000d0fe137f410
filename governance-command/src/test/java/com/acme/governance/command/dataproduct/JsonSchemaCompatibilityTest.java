package com.acme.governance.command.dataproduct;

import org.junit.jupiter.api.Test;

import static com.acme.governance.command.dataproduct.DataProductFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

class JsonSchemaCompatibilityTest {

    private static final String ORDER = "{'type':'object','properties':{'customer':{'type':'object','required':['id'],"
            + "'properties':{'id':{'type':'string'},'email':{'type':'string'}}},"
            + "'lines':{'type':'array','items':{'type':'object','properties':{'sku':{'type':'string'}}}}}}";

    @Test
    void identicalSchemaIsCompatible() {
        assertThat(JsonSchemaCompatibility.breakingChanges(json(ORDER), json(ORDER))).isEmpty();
    }

    @Test
    void removingNestedFieldBreaks() {
        String next = ORDER.replace(",'email':{'type':'string'}", "");
        assertThat(JsonSchemaCompatibility.breakingChanges(json(ORDER), json(next)))
                .containsExactly("field $.customer.email was removed");
    }

    @Test
    void requiringNestedFieldBreaks() {
        String next = ORDER.replace("'required':['id']", "'required':['id','email']");
        assertThat(JsonSchemaCompatibility.breakingChanges(json(ORDER), json(next)))
                .containsExactly("field $.customer.email is newly required");
    }

    @Test
    void changingArrayItemFieldTypeBreaks() {
        String next = ORDER.replace("'sku':{'type':'string'}", "'sku':{'type':'integer'}");
        assertThat(JsonSchemaCompatibility.breakingChanges(json(ORDER), json(next)))
                .singleElement().asString().startsWith("type of $.lines[].sku changed");
    }

    @Test
    void droppingARequirementIsCompatible() {
        String next = ORDER.replace("'required':['id']", "'required':[]");
        assertThat(JsonSchemaCompatibility.breakingChanges(json(ORDER), json(next))).isEmpty();
    }

    @Test
    void typeListsAreComparedAsSets() {
        String nullable = "{'type':'object','properties':{'note':{'type':['string','null']}}}";
        String reordered = "{'type':'object','properties':{'note':{'type':['null','string']}}}";
        assertThat(JsonSchemaCompatibility.breakingChanges(json(nullable), json(reordered))).isEmpty();
    }
}
