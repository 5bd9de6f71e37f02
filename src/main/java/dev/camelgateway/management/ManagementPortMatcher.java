package dev.camelgateway.management;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/** A request that came in on the management port ({@code local.management.port}, known once that server started). */
public final class ManagementPortMatcher implements RequestMatcher {
    private final Environment environment;
    private volatile int port = -1;

    public ManagementPortMatcher(Environment environment) {
        this.environment = environment;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        int management = port;
        if (management <= 0) {
            management = environment.getProperty("local.management.port", Integer.class, -1);
            port = management;
        }
        return request.getLocalPort() == management;
    }
}
