package dev.camelgateway.routing;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class InvalidConfigurationFailureAnalyzerTest {

    @Test
    void aRefusalDeepInABeanFailureIsReportedWithItsProblemsFirst() {
        Throwable thrown = catchThrowable(() -> ConfigurationCheck.fail(List.of("gateway.providers.x.base-url is missing")));
        assertThat(thrown).isInstanceOf(InvalidConfigurationException.class);
        FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer()
                .analyze(new BeanCreationException("jsonContentTypeFilter", "Error creating bean", thrown));

        assertThat(analysis.getDescription()).isEqualTo("Invalid gateway configuration:\n  - gateway.providers.x.base-url is missing");
        assertThat(analysis.getAction()).contains("Change the settings named above");
    }

    @Test
    void springBootFindsTheAnalyzer() {
        // Spring Boot's own analyzers need its bean factory to be made: skipped here, only ours is looked for
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, (type, name, failure) -> { });
        assertThat(analyzers).hasAtLeastOneElementOfType(InvalidConfigurationFailureAnalyzer.class);
    }
}
