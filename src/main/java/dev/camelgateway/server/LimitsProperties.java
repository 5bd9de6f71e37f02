package dev.camelgateway.server;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code gateway.limits.*}: what one client, or all of them together, can hold of the gateway; the README explains each. */
@ConfigurationProperties(prefix = "gateway.limits")
public class LimitsProperties {
    private Duration headerTimeout = Duration.ofSeconds(10);
    private Duration bodyTimeout = Duration.ofSeconds(30);
    private int inFlight = 0;
    private int inFlightPerClient = 0;
    private List<String> allowedHosts = new ArrayList<>();

    /**
     * Host names the gateway answers to besides loopback and its bound addresses (e.g. {@code llm.example.com});
     * {@code *}: any. Empty on a port bound to every interface: any.
     */
    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    /** Longest a connection may take to send a request's line and headers (slow-header clients are cut). */
    /** The whole request body must arrive within this of the first read (a trickling client holds a slot no longer). */
    public Duration getBodyTimeout() {
        return bodyTimeout;
    }

    public void setBodyTimeout(Duration bodyTimeout) {
        this.bodyTimeout = bodyTimeout;
    }

    public Duration getHeaderTimeout() {
        return headerTimeout;
    }

    public void setHeaderTimeout(Duration headerTimeout) {
        this.headerTimeout = headerTimeout;
    }

    /** API requests in flight before new ones get 503 at once; 0: 95% of {@code server.tomcat.threads.max}. */
    public int getInFlight() {
        return inFlight;
    }

    public void setInFlight(int inFlight) {
        this.inFlight = inFlight;
    }

    /** API requests in flight per client address before its next gets 429; 0: no per-client cap. */
    public int getInFlightPerClient() {
        return inFlightPerClient;
    }

    public void setInFlightPerClient(int inFlightPerClient) {
        this.inFlightPerClient = inFlightPerClient;
    }
}
