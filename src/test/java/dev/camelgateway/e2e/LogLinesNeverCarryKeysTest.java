package dev.camelgateway.e2e;

import dev.camelgateway.api.ErrorResponder;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;

import static dev.camelgateway.secrets.SecretRedactor.MASK;
import static dev.camelgateway.support.KeyLeaks.assertNoKeyIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running gateway's logging (logback-spring.xml) masks provider keys in the message and the stack trace of every
 * line, whoever logs it: the gateway's own error path, Camel through SLF4J, Tomcat through java.util.logging.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogLinesNeverCarryKeysTest extends GatewayTestSupport {
    @Autowired
    private ErrorResponder errors;

    @Test
    void anInternalFailureIsLoggedAtErrorWithItsStackTraceButWithoutTheKey(CapturedOutput output) {
        IllegalStateException failure = new IllegalStateException("mapping failed for " + OPENAI_KEY,
                new IOException("file key " + ANTHROPIC_KEY.substring(4, 16) + " rejected"));

        GatewayException answer = errors.toGatewayException(failure, null);

        assertThat(answer.error().code()).isEqualTo("internal_error");
        assertThat(output.getAll()).contains(" ERROR ").contains("failed inside the gateway")
                .contains("java.lang.IllegalStateException: mapping failed for " + MASK)
                .contains("Caused by: java.io.IOException: file key " + MASK + " rejected")
                .contains("at dev.camelgateway.e2e.LogLinesNeverCarryKeysTest");
        assertNoKeyIn("the log", output.getAll());
    }

    @Test
    void camelAndTomcatLoggersCannotPrintAKeyEither(CapturedOutput output) {
        // Spring Boot bridges java.util.logging (Tomcat's) to Logback when a gateway starts and removes the bridge when
        // one stops: another gateway of this JVM (PostgresLedgerTest's own) may have stopped since the shared one started
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.install();
        }
        LoggerFactory.getLogger("org.apache.camel.component.http.HttpProducer")
                .warn("Authorization: Bearer {}", OPENAI_KEY, new IllegalArgumentException("x-api-key=" + ANTHROPIC_KEY));
        java.util.logging.Logger.getLogger("org.apache.catalina.core.StandardWrapperValve")
                .severe("Servlet.service() failed: x-goog-api-key " + GEMINI_KEY);

        assertThat(output.getAll()).contains("camel.component.http.HttpProducer").contains("Authorization: Bearer " + MASK)
                .contains("java.lang.IllegalArgumentException: x-api-key=" + MASK)
                .contains("catalina.core.StandardWrapperValve").contains("Servlet.service() failed: x-goog-api-key " + MASK);
        assertNoKeyIn("the log", output.getAll());
    }
}
