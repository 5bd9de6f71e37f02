package dev.camelgateway.api;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.PlatformHttpEndpoint;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpConsumer;
import org.apache.camel.impl.DefaultCamelContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine override provides, through Spring MVC's own handler adapter as platform-http registers the consumer
 * (the starter's {@code service} method as the handler): the exchange runs on the thread that received the request, Spring
 * MVC starts no async processing (so no second dispatch through the filters), and a failure outside the route still
 * reaches the servlet error page (the gateway's JSON error controller) through {@code sendError}.
 */
class InlinePlatformHttpEngineTest {
    private CamelContext camel;
    private PlatformHttpEngine engine;
    private final AtomicReference<Processor> route = new AtomicReference<>();
    private final RequestMappingHandlerAdapter springMvc = new RequestMappingHandlerAdapter();

    @BeforeEach
    void start() throws Exception {
        engine = new InlinePlatformHttpEngine().platformHttpEngine(new org.springframework.mock.env.MockEnvironment());
        camel = new DefaultCamelContext();
        camel.getRegistry().bind(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME, engine);
        camel.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("platform-http:/inline").routeId("inline").process(exchange -> route.get().process(exchange));
            }
        });
        camel.start();
        org.springframework.web.context.support.StaticWebApplicationContext web =
                new org.springframework.web.context.support.StaticWebApplicationContext();
        web.refresh();
        springMvc.setApplicationContext(web);
        springMvc.afterPropertiesSet();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void theExchangeRunsOnTheThreadThatReceivedTheRequest() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();

        MockHttpServletResponse response = serve(exchange -> {
            ranOn.set(Thread.currentThread());
            exchange.getMessage().setBody("ok");
        }, new MockHttpServletRequest("GET", "/inline"));

        assertThat(ranOn.get()).isSameAs(Thread.currentThread());
        assertThat(response.getContentAsString()).isEqualTo("ok");
    }

    @Test
    void springMvcStartsNoAsyncProcessingSoThereIsNoSecondDispatch() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/inline");
        request.setAsyncSupported(true);

        MockHttpServletResponse response = serve(exchange -> exchange.getMessage().setBody("done"), request);

        assertThat(request.isAsyncStarted()).as("startAsync would dispatch the request a second time").isFalse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).as("complete when the handler returns").isEqualTo("done");
    }

    @Test
    void aFailureWritingTheAnswerGoesToTheErrorPageAs500() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        MockHttpServletResponse response = serve(exchange -> {
            ranOn.set(Thread.currentThread());
            exchange.getMessage().setBody(new Object() {
                @Override
                public String toString() {
                    throw new IllegalStateException("cannot be written");
                }
            });
        }, new MockHttpServletRequest("GET", "/inline"));

        assertThat(ranOn.get()).as("the route ran; the answer could not be written").isSameAs(Thread.currentThread());
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getErrorMessage()).as("sendError: the container renders the error page").isNull();
        assertThat(response.isCommitted()).isTrue();
        assertThat(response.getContentAsString()).as("nothing of the failure is written by the consumer").isEmpty();
    }

    /** As Spring MVC serves a request mapped by platform-http: the handler is the route's consumer, its starter's service method. */
    private MockHttpServletResponse serve(Processor behaviour, MockHttpServletRequest request) throws Exception {
        route.set(behaviour);
        Object consumer = ((org.apache.camel.component.platform.http.DefaultPlatformHttpConsumer) camel.getRoute("inline")
                .getConsumer()).getPlatformHttpConsumer();
        assertThat(consumer).isInstanceOf(InlinePlatformHttpEngine.InlineConsumer.class);
        Method service = SpringBootPlatformHttpConsumer.class.getMethod("service", HttpServletRequest.class, HttpServletResponse.class);
        MockHttpServletResponse response = new MockHttpServletResponse();
        springMvc.handle(request, response, new HandlerMethod(consumer, service));
        return response;
    }
}
