package dev.camelgateway.server;

import dev.camelgateway.stream.ClientProbe;
import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Gives each API request its {@link ClientProbe}: the servlet API offers no way to ask whether a client that is not
 * being written to is still there; Tomcat's own request does.
 */
public class ClientProbeValve extends ValveBase {

    public ClientProbeValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        ClientProbe probe = new ClientProbe(request.getCoyoteRequest());
        request.setAttribute(ClientProbe.ATTRIBUTE, probe);
        try {
            getNext().invoke(request, response);
        } finally {
            probe.retire(); // Tomcat recycles its request for the next one on any connection: never probe it again
        }
    }

    /** Installs the valve on the API port's Tomcat. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {
        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextValves(new ClientProbeValve());
        }
    }
}
