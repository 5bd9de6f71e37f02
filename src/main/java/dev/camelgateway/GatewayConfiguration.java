package dev.camelgateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans that are not components of their own. */
@Configuration
public class GatewayConfiguration {

    /** The one clock of the mappers ({@code created} of translated answers), replaceable in tests. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
