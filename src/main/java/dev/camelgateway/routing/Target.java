package dev.camelgateway.routing;

/**
 * One upstream to call: the configured provider and the model name it knows.
 *
 * @param providerId    the key under {@code gateway.providers}
 * @param provider      that provider's configuration
 * @param upstreamModel the model name sent upstream (may contain slashes, e.g. {@code library/llama3})
 */
public record Target(String providerId, GatewayProperties.Provider provider, String upstreamModel) {

    public String type() {
        return provider.getType();
    }

    @Override
    public String toString() {
        return providerId + "/" + upstreamModel;
    }
}
