package dev.camelgateway.routing;

/** The gateway refuses to start: its message lists every problem found and what to change. */
public class InvalidConfigurationException extends IllegalStateException {
    public InvalidConfigurationException(String message) {
        super(message);
    }
}
