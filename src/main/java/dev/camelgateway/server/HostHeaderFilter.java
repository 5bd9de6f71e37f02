package dev.camelgateway.server;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.ServletErrors;
import dev.camelgateway.management.ManagementPortMatcher;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Answers only requests whose {@code Host} names this gateway: loopback, the address a port is bound to, and
 * {@code gateway.allowed-hosts}. A web page whose own name is made to resolve to 127.0.0.1 (DNS rebinding) is then
 * refused, though the browser takes it for the page's own origin: without this it could spend the provider keys on
 * the API port and try passwords on the management port. A port bound to every interface, with no
 * {@code gateway.allowed-hosts}, cannot know its names and accepts any (say them in {@code gateway.allowed-hosts}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class HostHeaderFilter extends OncePerRequestFilter {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private final Set<String> allowed = new HashSet<>(LOOPBACK);
    private final boolean anyOnApiPort;
    private final boolean anyOnManagementPort;
    private final ManagementPortMatcher managementPort;

    public HostHeaderFilter(LimitsProperties limits, Environment environment) {
        this.managementPort = new ManagementPortMatcher(environment);
        limits.getAllowedHosts().forEach(host -> allowed.add(host.toLowerCase(Locale.ROOT)));
        String api = environment.getProperty("server.address");
        String management = environment.getProperty("management.server.address");
        addSpecific(api);
        addSpecific(management);
        boolean configured = !limits.getAllowedHosts().isEmpty();
        this.anyOnApiPort = limits.getAllowedHosts().contains("*") || !configured && wildcard(api);
        this.anyOnManagementPort = limits.getAllowedHosts().contains("*") || !configured && wildcard(management);
    }

    private void addSpecific(String address) {
        if (!wildcard(address)) {
            allowed.add(address.toLowerCase(Locale.ROOT));
            allowed.add("[" + address.toLowerCase(Locale.ROOT) + "]"); // an IPv6 address as a Host names it
        }
    }

    private static boolean wildcard(String address) {
        return address == null || address.isBlank() || address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getServerName();
        if ((managementPort.matches(request) ? anyOnManagementPort : anyOnApiPort) || host != null && allowed.contains(host.toLowerCase(Locale.ROOT))) {
            chain.doFilter(request, response);
            return;
        }
        ServletErrors.refuse(request, response, new GatewayException(400, new OpenAiError(
                "This gateway does not answer to that Host name (gateway.allowed-hosts).", OpenAiError.INVALID_REQUEST,
                null, "invalid_host")));
    }
}
