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

    @Test
    void aBrokenGroupOrDeploymentIdStopsTheStartSayingWhatToFix() {
        GatewayProperties properties = new GatewayProperties();
        GatewayProperties.Provider provider = new GatewayProperties.Provider();
        provider.setType("openai");
        provider.setBaseUrl("http://127.0.0.1:1/v1");
        properties.getProviders().put("east", provider);
        properties.getProviders().put("west_1", provider);
        properties.getProviders().put("east-whole", provider);
        GatewayProperties.ModelAlias both = new GatewayProperties.ModelAlias();
        both.setTarget("east/m");
        both.setGroup(List.of(member("east/m", 1)));
        properties.getModels().put("both", both);
        GatewayProperties.ModelAlias neither = new GatewayProperties.ModelAlias();
        properties.getModels().put("neither", neither);
        GatewayProperties.ModelAlias group = new GatewayProperties.ModelAlias();
        group.setGroup(List.of(member("east/m", 0), member("north/m", 2)));
        properties.getModels().put("group", group);

        assertThatThrownBy(() -> new ConfigurationCheck(properties, adapters).beforeApplicationStart(null))
                .hasMessageContaining("gateway.providers.west_1: a deployment id is 1 to 64 letters, digits and '-'")
                .hasMessageContaining("gateway.providers.east-whole: a deployment id may not end in '-whole'")
                .hasMessageContaining("gateway.models.both needs either a target or a group of deployments (not both)")
                .hasMessageContaining("gateway.models.neither needs either a target or a group")
                .hasMessageContaining("gateway.models.group.group: weight 0 of 'east/m' must be at least 1")
                .hasMessageContaining("gateway.models.group names 'north/m'");
    }

    private static GatewayProperties.GroupMember member(String target, int weight) {
        GatewayProperties.GroupMember member = new GatewayProperties.GroupMember();
        member.setTarget(target);
        member.setWeight(weight);
        return member;
    }
}
