package dev.camelgateway.server;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.api.JsonErrorReportValve;
import dev.camelgateway.api.OpenAiError;
import dev.camelgateway.api.ServletErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * The management port's Tomcat (a context of its own, which the API port's customizers do not reach): the same
 * header deadline and JSON error report, a fixed connection cap (loopback tools and a browser need few), and no
 * path Tomcat and Spring would read differently ({@code ..}, {@code ;}, {@code %}-escapes: Spring's path parsing failed
 * on them with a 500 and a logged stack trace).
 */
// Listed in META-INF/spring/...ManagementContextConfiguration.imports and deliberately not annotated: the annotation is
// a @Configuration, which the application's component scan would also load into the API port's context.
public class ManagementServerLimits {
    static final int MAX_CONNECTIONS = 1024;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> managementTomcatLimits(LimitsProperties limits) {
        return factory -> {
            HeaderDeadlineProtocol.install(factory, limits.getHeaderTimeout(), MAX_CONNECTIONS);
            JsonErrorReportValve.install(factory);
        };
    }

    @Bean
    FilterRegistrationBean<PlainPathFilter> plainManagementPaths() {
        FilterRegistrationBean<PlainPathFilter> registration = new FilterRegistrationBean<>(new PlainPathFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** 400 for a path that is not plain: only letters, digits and {@code / . _ - ~ : @ = + ,}, and no dot segment. */
    static final class PlainPathFilter extends OncePerRequestFilter {
        private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9/._~:@=+,-]*");

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path = request.getRequestURI();
            if (PLAIN.matcher(path).matches() && !path.contains("/../") && !path.contains("/./") && !path.contains("//")
                    && !path.endsWith("/..") && !path.endsWith("/.")) {
                chain.doFilter(request, response);
                return;
            }
            ServletErrors.refuse(request, response, new GatewayException(400, new OpenAiError(
                    "The path is not a plain path of this port.", OpenAiError.INVALID_REQUEST, null, "bad_request")));
        }
    }
}
