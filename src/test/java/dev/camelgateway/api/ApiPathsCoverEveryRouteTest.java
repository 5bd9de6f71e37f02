package dev.camelgateway.api;

import dev.camelgateway.support.GatewayTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Platform-http reads any POST body whole before a route runs: every platform-http route of routes/ must be one that
 * {@link JsonBodyGuard} guards, so that a route added later cannot be an unbounded read for anyone.
 */
class ApiPathsCoverEveryRouteTest extends GatewayTestSupport {
    @Autowired
    CamelContext camel;

    @Test
    void everyPlatformHttpRouteIsGuarded() {
        List<PlatformHttpEndpoint> endpoints = camel.getEndpoints().stream()
                .filter(PlatformHttpEndpoint.class::isInstance).map(PlatformHttpEndpoint.class::cast).toList();
        assertThat(endpoints).hasSizeGreaterThan(4);
        for (PlatformHttpEndpoint endpoint : endpoints) {
            String path = endpoint.getPath().replaceAll("\\{[^}]+}", "x") + (endpoint.isMatchOnUriPrefix() ? "x" : "");
            MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
            request.setServletPath(path);
            assertThat(ApiPaths.takesJsonBody(request) || ApiPaths.takesNoBody(request)).as(path).isTrue();
        }
    }
}
