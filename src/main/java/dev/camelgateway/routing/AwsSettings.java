package dev.camelgateway.routing;

/**
 * {@code gateway.providers.<id>.aws} of a {@code type: bedrock} deployment. With the deployment's {@code api-key} (a
 * Bedrock API key) requests carry it as a bearer token; without, they are signed (SigV4) with credentials from the AWS
 * SDK's default chain (environment, profile, web identity, container and instance roles).
 */
public class AwsSettings {
    /** The AWS region, e.g. {@code us-east-1}: the signing region, and the default base-url's. */
    private String region = "";
    /** A named profile of ~/.aws/config and ~/.aws/credentials instead of the default chain. */
    private String profile = "";

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region == null ? "" : region;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile == null ? "" : profile;
    }

    @Override
    public String toString() {
        return "AwsSettings[region=" + region + ", profile=" + profile + "]";
    }
}
