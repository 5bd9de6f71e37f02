package dev.camelgateway.secrets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one redactor of the gateway, over every configured provider key; log lines get the same keys. */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

    @Bean
    public SecretRedactor secretRedactor(ProviderKeys keys) {
        LogRedaction.register(keys.all());
        return new SecretRedactor(keys.all());
    }
}
