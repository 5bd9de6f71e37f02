package dev.camelgateway.routing;

import dev.camelgateway.provider.ProviderAdapters;
import dev.camelgateway.provider.openai.OpenAiAdapter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationCheckTest {
    private final ProviderAdapters adapters = new ProviderAdapters(List.of(new OpenAiAdapter()));

    @Test
    void unknownTypeMissingBaseUrlAndDanglingAliasStopTheStartWithEveryProblemNamed() {
        GatewayProperties properties = new GatewayProperties();
        GatewayProperties.Provider typo = new GatewayProperties.Provider();
        typo.setType("opneai");
        properties.getProviders().put("local", typo);
        GatewayProperties.ModelAlias alias = new GatewayProperties.ModelAlias();
        alias.setTarget("local/llama");
        alias.setFallbacks(List.of("nowhere/model"));
        properties.getModels().put("smart", alias);

        assertThatThrownBy(() -> new ConfigurationCheck(properties, adapters).beforeApplicationStart(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.providers.local.type is 'opneai'")
                .hasMessageContaining("gateway.providers.local.base-url is missing")
                .hasMessageContaining("gateway.models.smart names 'nowhere/model'")
                .hasMessageNotContaining("'local/llama'");
    }

    @Test
    void aValidConfigurationPasses() {
        GatewayProperties properties = new GatewayProperties();
        GatewayProperties.Provider provider = new GatewayProperties.Provider();
        provider.setType("openai");
        provider.setBaseUrl("http://127.0.0.1:1/v1");
        properties.getProviders().put("local", provider);
        assertThatCode(() -> new ConfigurationCheck(properties, adapters).beforeApplicationStart(null)).doesNotThrowAnyException();
    }
}
