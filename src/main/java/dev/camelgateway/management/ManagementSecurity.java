package dev.camelgateway.management;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import dev.camelgateway.server.HostHeaderFilter;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;

import java.time.Clock;
import java.util.Set;

/**
 * Who may use what, in two filter chains. The management port (actuator, Hawtio, Jolokia): health, and prometheus
 * unless turned off, for anyone; everything else for operators (form login for Hawtio, HTTP Basic for tools); with
 * no operator configured, everything else is refused. The API port: {@code /admin/*} for operators (HTTP Basic): GET
 * for every operator, any other method for admins only; the chat APIs match no chain here at all, so they pay nothing
 * for it.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ManagementProperties.class)
public class ManagementSecurity {
    static final String OPERATOR = "operator";
    static final String ADMIN = "admin";
    static final String ADMIN_AUTHORITY = "ROLE_" + ADMIN;

    @Bean
    OperatorAccounts operatorAccounts(ManagementProperties properties) {
        return new OperatorAccounts(properties);
    }

    @Bean
    LoginThrottle loginThrottle(Clock clock) {
        return new LoginThrottle(clock);
    }

    /**
     * Counts the failed logins of both chains by client address. A success clears nothing: one account's holder could
     * otherwise guess another account's password without limit, a success every nine guesses.
     */
    @Bean
    ApplicationListener<AbstractAuthenticationFailureEvent> loginFailures(LoginThrottle throttle) {
        return event -> {
            if (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details) {
                throttle.failed(details.getRemoteAddress());
            }
        };
    }

    @Bean
    UserDetailsService operatorLogins(OperatorAccounts accounts) {
        return new InMemoryUserDetailsManager(accounts.users());
    }

    @Bean
    PasswordEncoder operatorPasswords() {
        return new OperatorAccounts.Passwords();
    }

    @Bean
    @Order(1)
    SecurityFilterChain managementPort(HttpSecurity http, Environment environment, ManagementProperties properties,
                                       OperatorAccounts accounts, HostHeaderFilter hosts, LoginThrottle throttle)
            throws Exception {
        AuthErrors errors = new AuthErrors();
        http.securityMatcher(new ManagementPortMatcher(environment))
                .addFilterBefore(hosts, DisableEncodeUrlFilter.class) // the API port has it as a servlet filter
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new SameOriginFilter(), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (properties.isPrometheusAnonymous()) {
                        authorize.requestMatchers("/actuator/prometheus").permitAll();
                    }
                    if (accounts.none()) {
                        authorize.anyRequest().denyAll(); // no operator: the rest is off, not open
                    } else {
                        authorize.requestMatchers("/login", "/error").permitAll();
                        authorize.anyRequest().hasRole(OPERATOR);
                    }
                })
                .formLogin(form -> form.defaultSuccessUrl("/actuator/hawtio/", false))
                .httpBasic(basic -> basic.realmName(AuthErrors.REALM).authenticationEntryPoint(errors))
                .exceptionHandling(handling -> handling
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browserPage())
                        .defaultAuthenticationEntryPointFor(errors, request -> true)
                        .accessDeniedHandler(errors))
                // Hawtio sends the session's CSRF token from this cookie; tools sending credentials themselves need none
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new HawtioCsrf.RequestHandler())
                        .ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .addFilterAfter(new HawtioCsrf.CookieFilter(), BasicAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain adminApi(HttpSecurity http, OperatorAccounts accounts, LoginThrottle throttle) throws Exception {
        AuthErrors errors = new AuthErrors("Only an operator with the admin role may change anything under /admin; "
                + "this login may read.");
        http.securityMatcher("/admin/**")
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> {
                    if (accounts.none()) {
                        authorize.anyRequest().denyAll();
                    } else {
                        // reads for operators; every other method (a change, or one no route takes) for admins only
                        authorize.requestMatchers(request -> "GET".equals(request.getMethod())).hasRole(OPERATOR);
                        authorize.anyRequest().hasRole(ADMIN);
                    }
                })
                .httpBasic(basic -> basic.realmName(AuthErrors.REALM).authenticationEntryPoint(errors))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable()); // no cookie or session on this port: every call carries its credentials
        return http.build();
    }

    /** A browser asking for a page (not Hawtio's scripts calling Jolokia): send it to the login form. */
    private static RequestMatcher browserPage() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(new HeaderContentNegotiationStrategy(), MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
