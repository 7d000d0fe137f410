package com.acme.governance.query.rebuild;

import com.acme.governance.api.problem.ProblemTypes;
import com.acme.governance.query.support.QueryHttpTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The operator's endpoints over HTTP. The application's Kafka is unreachable here, so a requested rebuild stays busy
 * looking for the topic's partitions: long enough to see the second request refused.
 */
class ProjectionsEndpointTest extends QueryHttpTest {

    @Test
    void operatorsOnly() throws Exception {
        mvc.perform(asAlice(get("/api/v1/admin/projections"))).andExpect(status().isForbidden())
                .andExpect(problem(ProblemTypes.FORBIDDEN));
        mvc.perform(as("dave", post("/api/v1/admin/projections/rebuild"))).andExpect(status().isForbidden())
                .andExpect(problem(ProblemTypes.FORBIDDEN));
    }

    @Test
    void theLiveGenerationAndItsReadModelsBeforeAnyRebuildThenOneRebuildAtATime() throws Exception {
        mvc.perform(as("admin", get("/api/v1/admin/projections"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.liveGeneration").value(0))
                .andExpect(jsonPath("$.projections[*].collection").value(hasItem("data_products")))
                .andExpect(jsonPath("$.projections[*].collection").value(hasItem("projection_positions")));

        mvc.perform(as("admin", post("/api/v1/admin/projections/rebuild"))).andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/v1/admin/projections"))
                .andExpect(jsonPath("$.liveGeneration").value(0))
                .andExpect(jsonPath("$.rebuild.status").value("RUNNING"))
                .andExpect(jsonPath("$.rebuild.requestedBy").value("admin"))
                .andExpect(jsonPath("$.rebuild.targetGeneration").value(1));
        mvc.perform(as("admin", post("/api/v1/admin/projections/rebuild"))).andExpect(status().isConflict())
                .andExpect(problem(ProblemTypes.REBUILD_IN_PROGRESS));
    }
}
