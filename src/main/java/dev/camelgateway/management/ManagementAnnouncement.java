package dev.camelgateway.management;

import dev.camelgateway.routing.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.Objects;

/**
 * Says at start-up where the management side listens and who can log in (in the demo: the generated admin
 * password, once). Refuses a configuration that would serve the management endpoints on the API port.
 */
@Component
class ManagementAnnouncement {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementAnnouncement.class);
    private final Environment environment;
    private final OperatorAccounts accounts;
    private final boolean prometheusAnonymous;

    ManagementAnnouncement(Environment environment, OperatorAccounts accounts, ManagementProperties properties) {
        this.environment = environment;
        this.accounts = accounts;
        this.prometheusAnonymous = properties.isPrometheusAnonymous();
        String management = environment.getProperty("management.server.port");
        if (management == null || Objects.equals(management, environment.getProperty("server.port", "8080"))) {
            throw new InvalidConfigurationException("management.server.port must be set to a port of its own (shipped: 8081): "
                    + "the actuator, Hawtio and Jolokia never share the API port");
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String base = "http://" + environment.getProperty("management.server.address", "0.0.0.0") + ":"
                + environment.getProperty("local.management.port") + "/actuator";
        LOG.info("Management: {}/health (open), {}/prometheus ({}), Hawtio {}/hawtio, Jolokia {}/jolokia", base, base,
                prometheusAnonymous ? "open" : "operators",
                base, base);
        if (accounts.demoPassword() != null) {
            LOG.warn("Demo operator: log in to Hawtio at {}/hawtio/ as 'admin' with password '{}' (made for this run only)",
                    base, accounts.demoPassword());
        } else if (accounts.none()) {
            LOG.warn("No operator configured (gateway.management.operators): Hawtio, Jolokia, /actuator/* but health "
                    + "and prometheus, and /admin/* are refused to everyone");
        }
    }
}
