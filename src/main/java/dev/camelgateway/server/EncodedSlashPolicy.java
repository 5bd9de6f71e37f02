package dev.camelgateway.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * An encoded slash ({@code %2F}) is accepted in one place: the model id of {@code GET /v1/models/{id}}, where SDKs
 * encode the {@code /} of {@code openai/gpt-4o-mini}. Everywhere else it is refused (400) as before.
 * <p>
 * Tomcat cannot allow it per path, so the API port's connector lets it through undecoded ({@code passthrough}: the
 * path keeps a literal {@code %2F}, so no {@code ..%2F} can turn into a {@code ../} that moves the request elsewhere), and
 * Spring Security's firewall, which sees every request, refuses it on any other path. The management port's Tomcat
 * keeps rejecting it (this customizer is not applied to it).
 */
@Configuration(proxyBeanMethods = false)
public class EncodedSlashPolicy {
    /** The only path whose rest may hold an encoded slash. */
    static final String MODEL_PATH = "/v1/models/";

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesReachTheFirewall() {
        return factory -> factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }

    @Bean
    HttpFirewall encodedSlashOnlyInModelIds() {
        StrictHttpFirewall strict = new StrictHttpFirewall();
        StrictHttpFirewall modelIds = new StrictHttpFirewall();
        modelIds.setAllowUrlEncodedSlash(true);
        modelIds.setAllowUrlEncodedPercent(true); // passed through undecoded, the %2F is a literal '%' in the servlet path
        return new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                String uri = request.getRequestURI();
                boolean modelId = uri != null && uri.startsWith(MODEL_PATH) && request.getContextPath().isEmpty();
                return (modelId ? modelIds : strict).getFirewalledRequest(request);
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        };
    }
}
