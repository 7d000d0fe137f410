package com.acme.governance.query.consistency;

import com.acme.governance.query.config.ReadModelDatabase;
import com.acme.governance.query.config.ReadModelGenerations;
import com.acme.governance.query.support.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A read sees one generation from its token's wait to its last read, even when a swap happens in between. */
class ReadPinnedToOneGenerationTest {

    private static InMemoryMongo mongo;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void aReadStaysOnTheGenerationThatWasLiveWhenItStartedAndTheNextReadTakesTheNewOne() throws Exception {
        ReadModelDatabase database = mongo.freshDatabase();
        ReadModelGenerations generations = database.generations();
        ProjectionPositions positions = new ProjectionPositions(database, new PositionAdvancedSignal());
        generations.pinned(2, () -> positions.advance("sales.orders", 3));
        generations.swap(0, 2);
        ConsistencyTokenInterceptor interceptor = new ConsistencyTokenInterceptor(new ReadModelConsistency(positions,
                new PositionAdvancedSignal(), Duration.ofMillis(200), Duration.ofMillis(20)), generations);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/data-products/sales.orders");
        request.addHeader("X-Governance-Token", "sales.orders:3");
        HandlerMethod handler = new HandlerMethod(positions, ProjectionPositions.class.getMethod("current", String.class));

        assertThat(interceptor.preHandle(request, new MockHttpServletResponse(), handler)).isTrue();
        generations.swap(2, 5);

        assertThat(generations.current()).as("during the read").isEqualTo(2);
        assertThat(positions.current("sales.orders")).isEqualTo(3);
        interceptor.afterCompletion(request, new MockHttpServletResponse(), handler, null);
        assertThat(generations.current()).as("after it").isEqualTo(5);
        assertThat(positions.current("sales.orders")).isEqualTo(ProjectionPositions.NONE);
    }
}
