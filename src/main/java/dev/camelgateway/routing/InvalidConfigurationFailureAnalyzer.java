package dev.camelgateway.routing;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints the gateway's start-up refusals as Spring Boot's "APPLICATION FAILED TO START" report, so the list of
 * problems comes first instead of several "Caused by" deep in a stack trace (a key file is read while Tomcat starts).
 * Registered in META-INF/spring.factories.
 */
public class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), "Change the settings named above (config/application.yaml, the "
                + "environment or the command line) and start the gateway again.", cause);
    }
}
