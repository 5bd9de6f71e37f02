package dev.camelgateway.api;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's error report for what never reaches a servlet (a request line or headers it cannot parse, a header too
 * large): OpenAI's envelope (Anthropic's on /v1/messages*) instead of Tomcat's HTML page. It replaces the host's error
 * report valve and keeps its rules: only a status of 400 or more, only when nothing was written, and only once.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            RequestContext context = new RequestContext(request.getHeader("x-request-id"), response);
            ServletErrors.write(response, context, StatusErrors.of(response.getStatus(), null, context.requestId()),
                    ApiPaths.speaksAnthropic(request.getRequestURI()));
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response cannot be written: nothing to report to
        }
    }

    /** Installs the valve on the embedded Tomcat's host, in place of {@link ErrorReportValve}. */
    public static void install(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context ->
                ((StandardHost) context.getParent()).setErrorReportValveClass(JsonErrorReportValve.class.getName()));
    }

    /** On the API port (the management port: {@code ManagementServerLimits}). */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            install(factory);
        }
    }
}
