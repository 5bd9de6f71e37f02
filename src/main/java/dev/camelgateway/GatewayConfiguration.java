package dev.camelgateway;

import dev.camelgateway.keys.AuthProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** Beans that are not components of their own. */
@Configuration
@EnableConfigurationProperties(AuthProperties.class)
public class GatewayConfiguration {

    /** The one clock of the mappers ({@code created} of translated answers), replaceable in tests. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
