package dev.camelgateway.resilience;

import dev.camelgateway.routing.Resilience;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code on-failure} table: its defaults, what config changes, and the kinds whose action is fixed. */
class OnFailureTableTest {

    @Test
    void defaultsRetryTheBusyAndBrokenAndLeaveTheSilentAtOnce() {
        Resilience.OnFailure table = new Resilience.OnFailure();
        assertThat(table.action(FailureKind.RATE_LIMITED)).isEqualTo(FailureAction.RETRY);
        assertThat(table.action(FailureKind.SERVER_ERROR)).isEqualTo(FailureAction.RETRY);
        assertThat(table.action(FailureKind.CONNECTION)).isEqualTo(FailureAction.RETRY);
        assertThat(table.action(FailureKind.IN_BAND_ERROR)).isEqualTo(FailureAction.RETRY);
        assertThat(table.action(FailureKind.TIMEOUT)).isEqualTo(FailureAction.FALLBACK);
        assertThat(table.action(FailureKind.STALL)).isEqualTo(FailureAction.FALLBACK);
        assertThat(table.action(FailureKind.MALFORMED_EVENT)).isEqualTo(FailureAction.FALLBACK);
        assertThat(table.action(FailureKind.CONTEXT_LENGTH)).isEqualTo(FailureAction.FALLBACK);
        assertThat(table.action(FailureKind.CREDENTIAL_REFUSED)).isEqualTo(FailureAction.FALLBACK);
        assertThat(table.action(FailureKind.CONTENT_FILTER)).isEqualTo(FailureAction.FINAL);
        assertThat(table.action(FailureKind.CIRCUIT_OPEN)).isEqualTo(FailureAction.FALLBACK);
        for (FailureKind fixed : new FailureKind[] {FailureKind.CLIENT_ERROR, FailureKind.MID_STREAM, FailureKind.CLIENT_GONE,
                FailureKind.GATEWAY}) {
            assertThat(table.action(fixed)).as(fixed.name()).isEqualTo(FailureAction.FINAL);
        }
    }

    @Test
    void configChangesAKindAndARetryThatCannotHelpIsAFallback() {
        Resilience.OnFailure table = new Binder(new MapConfigurationPropertySource(Map.of(
                "on-failure.timeout", "retry", "on-failure.rate-limited", "fallback", "on-failure.content-filter", "fallback",
                "on-failure.context-length", "retry", "on-failure.credential-refused", "final")))
                .bind("on-failure", Resilience.OnFailure.class).get();
        assertThat(table.action(FailureKind.TIMEOUT)).isEqualTo(FailureAction.RETRY);
        assertThat(table.action(FailureKind.RATE_LIMITED)).isEqualTo(FailureAction.FALLBACK);
        assertThat(table.action(FailureKind.CONTENT_FILTER)).isEqualTo(FailureAction.FALLBACK);
        assertThat(table.action(FailureKind.CONTEXT_LENGTH)).as("the same prompt never fits the same model").isEqualTo(FailureAction.FALLBACK);
        assertThat(table.action(FailureKind.CREDENTIAL_REFUSED)).isEqualTo(FailureAction.FINAL);
    }
}
