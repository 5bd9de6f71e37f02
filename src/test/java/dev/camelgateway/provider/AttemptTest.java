package dev.camelgateway.provider;

import dev.camelgateway.api.RequestContext;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import dev.camelgateway.usage.Usage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttemptTest {
    private final Target primary = new Target("primary", new GatewayProperties.Provider(), "m");
    private final Target fallback = new Target("fallback", new GatewayProperties.Provider(), "m");

    @Test
    void aRetryIsANewAttemptThatCarriesNothingOfThePreviousOne() {
        RequestContext context = new RequestContext(null, null);
        context.chain(List.of(primary));
        context.advance();
        Attempt first = context.startAttempt();
        first.appendOutput("partial text");
        first.reportedUsage(new Usage(10L, 3L, 13L, null, null));
        first.markFirstByte();

        Attempt second = context.startAttempt();

        assertThat(second).isNotSameAs(first);
        assertThat(second.outputText()).isEmpty();
        assertThat(second.reportedUsage()).isNull();
        assertThat(second.firstByteNanos()).isZero();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.numberOnTarget()).isEqualTo(2);
        assertThat(first.outputText()).as("the failed attempt keeps its own record").isEqualTo("partial text");
    }

    @Test
    void attemptsOnATargetStartAtOneAfterAFallbackWhileTheRequestCountGoesOn() {
        RequestContext context = new RequestContext(null, null);
        context.chain(List.of(primary, fallback));
        context.advance();
        context.startAttempt();
        context.startAttempt();
        context.advance();
        assertThat(context.attemptsOnTarget()).as("nothing sent to the fallback yet").isZero();

        Attempt onFallback = context.startAttempt();

        assertThat(onFallback.target()).isSameAs(fallback);
        assertThat(onFallback.numberOnTarget()).isEqualTo(1);
        assertThat(onFallback.number()).isEqualTo(3);
        assertThat(context.attemptsOnTarget()).isEqualTo(1);
    }

    @Test
    void anAttemptsRecordIsTakenOnce() {
        Attempt attempt = new Attempt(1, 1, primary);
        assertThat(attempt.takeRecord()).isTrue();
        assertThat(attempt.takeRecord()).isFalse();
    }
}
