package com.acme.governance.api.json;

import com.acme.governance.api.Limits;
import com.acme.governance.api.dataproduct.Classification;
import com.acme.governance.api.policy.RuleCondition;
import com.acme.governance.api.policy.RuleOutcome;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    record Body(String title, int days, Integer count, boolean flag, Classification classification,
                List<String> tags, JsonNode schema) {
    }

    private final ObjectMapper lenient = new ObjectMapper();
    private final ObjectMapper strict = StrictJson.forRequests(lenient);

    @Test
    void readsWhatTheContractSays() throws Exception {
        Body body = strict.readValue("""
                {"title": "Orders", "days": 30, "count": 2, "flag": true, "classification": "INTERNAL",
                 "tags": ["pii"], "schema": {"type": "object", "default": null, "enum": [1, null]}}""", Body.class);
        assertThat(body.days()).isEqualTo(30);
        assertThat(body.tags()).containsExactly("pii");
        assertThat(body.schema().get("enum")).hasSize(2);
        RuleOutcome outcome = strict.readValue(
                "{\"requiredApprovals\": [\"OWNER\"], \"maxGrantDays\": 30, \"purposeRequired\": true}", RuleOutcome.class);
        assertThat(outcome.maxGrantDays()).isEqualTo(30);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"title\": \"a\", \"title\": \"b\"}",
            "{\"schema\": {\"type\": \"object\", \"type\": \"string\"}}",
            "{\"title\": 123}",
            "{\"title\": true}",
            "{\"title\": 1.5}",
            "{\"title\": {}}",
            "{\"title\": [\"a\"]}",
            "{\"days\": 1.5}",
            "{\"days\": 30.0}",
            "{\"days\": \"30\"}",
            "{\"days\": true}",
            "{\"days\": null}",
            "{\"days\": 99999999999}",
            "{\"count\": 1.5}",
            "{\"count\": \"2\"}",
            "{\"flag\": 123}",
            "{\"flag\": \"true\"}",
            "{\"flag\": null}",
            "{\"classification\": 0}",
            "{\"classification\": \"\"}",
            "{\"tags\": [null]}",
            "{\"tags\": \"pii\"}",
            "{\"tags\": [1]}",
            "{\"unknown\": 1}",
            "{} {}",
            "{}]",
    })
    void refusesWhatLenientJacksonWouldBend(String json) {
        assertThatThrownBy(() -> strict.readValue(json, Body.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void aNullInAListIsRefusedRatherThanDropped() throws Exception {
        String json = "{\"classifications\": [null], \"tags\": []}";
        assertThat(lenient.readValue(json, RuleCondition.class).classifications()).isEmpty(); // "any classification"
        assertThatThrownBy(() -> strict.readValue(json, RuleCondition.class)).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> strict.readValue("{\"requiredApprovals\": [null], \"maxGrantDays\": 1}",
                RuleOutcome.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void parserLimitsHold() {
        String deep = "[".repeat(Limits.JSON_NESTING_DEPTH + 1) + "]".repeat(Limits.JSON_NESTING_DEPTH + 1);
        assertThatThrownBy(() -> strict.readTree(deep)).isInstanceOf(JsonProcessingException.class);
        String longString = "{\"title\": \"" + "x".repeat(Limits.JSON_STRING_CHARS + 1) + "\"}";
        assertThatThrownBy(() -> strict.readValue(longString, Body.class)).isInstanceOf(JsonProcessingException.class);
        String longNumber = "{\"schema\": {\"minimum\": " + "9".repeat(Limits.JSON_NUMBER_CHARS + 1) + "}}";
        assertThatThrownBy(() -> strict.readValue(longNumber, Body.class)).isInstanceOf(JsonProcessingException.class);
        String manyTokens = "{\"schema\": {\"enum\": [" + "1,".repeat(Limits.JSON_TOKENS) + "1]}}";
        assertThatThrownBy(() -> strict.readValue(manyTokens, Body.class)).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void theLenientMapperIsLeftAsItWas() throws Exception {
        String stored = "{\"title\": 123, \"days\": 1.5, \"title\": \"b\", \"unknown\": 1}";
        ObjectMapper eventMapper = new ObjectMapper().configure(
                com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        StrictJson.forRequests(eventMapper);
        assertThat(eventMapper.readValue(stored, Body.class).days()).isEqualTo(1);
        String deep = "[".repeat(200) + "]".repeat(200);
        assertThat(eventMapper.readTree(deep)).isNotNull();
    }
}
