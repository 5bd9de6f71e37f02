package dev.camelgateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything under {@code gateway.*} in {@code config/application.yaml}; the README documents each key. */
@ConfigurationProperties(prefix = "gateway")
public class GatewayProperties {
    private Map<String, Provider> providers = new LinkedHashMap<>();
    private Map<String, ModelAlias> models = new LinkedHashMap<>();
    private DataSize maxRequestSize = DataSize.ofMegabytes(8);
    private boolean dropUnsupportedParams = false;
    /** The whole request, every retry and fallback included: no attempt starts or runs beyond it. */
    private java.time.Duration requestTimeout = java.time.Duration.ofMinutes(10);

    public java.time.Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(java.time.Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Map<String, Provider> getProviders() {
        return providers;
    }

    public void setProviders(Map<String, Provider> providers) {
        this.providers = providers;
    }

    public Map<String, ModelAlias> getModels() {
        return models;
    }

    public void setModels(Map<String, ModelAlias> models) {
        this.models = models;
    }

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    public void setMaxRequestSize(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    public boolean isDropUnsupportedParams() {
        return dropUnsupportedParams;
    }

    public void setDropUnsupportedParams(boolean dropUnsupportedParams) {
        this.dropUnsupportedParams = dropUnsupportedParams;
    }

    /** One upstream: its wire format ({@code type}), where it lives and the key to call it with. */
    public static class Provider {
        private String type;
        private String baseUrl;
        private String apiKey = "";
        /** A file holding the key instead (a mounted secret); {@code ProviderKeys} reads it into apiKey at start-up. */
        private Path apiKeyFile;
        private List<String> models = new ArrayList<>();
        private int defaultMaxTokens = 4096;
        private Resilience.Retry retry = new Resilience.Retry();
        private Resilience.Timeouts timeouts = new Resilience.Timeouts();
        private Resilience.CircuitBreaker circuitBreaker = new Resilience.CircuitBreaker();
        private Resilience.OnFailure onFailure = new Resilience.OnFailure();
        /** Most connections this gateway opens to the provider at once (each in-flight call holds one). */
        private int maxConnections = 2500;
        /**
         * A pooled connection idle at least this long is checked before reuse (upstreams close idle keep-alive
         * connections; a call on such a connection would fail and count against the provider).
         */
        private Duration revalidateAfterIdle = Duration.ofSeconds(2);
        /** Anthropic beta flags ({@code anthropic-beta} values) a client's /v1/messages call never passes on to this deployment. */
        private List<String> anthropicBetaDrop = new ArrayList<>();
        /** How an OpenAI-type deployment serves the Responses API (other types always translate). */
        private ResponsesMode responses = ResponsesMode.PASSTHROUGH;
        /** A stream event that is not the JSON its provider sends: skipped (counted) or the end of the stream. */
        private MalformedEvents malformedEvents = MalformedEvents.SKIP;
        /** Whether the model continues a final assistant message (null: its type's default for the model). */
        private Boolean prefill;

        public Boolean getPrefill() {
            return prefill;
        }

        public void setPrefill(Boolean prefill) {
            this.prefill = prefill;
        }

        public MalformedEvents getMalformedEvents() {
            return malformedEvents;
        }

        public void setMalformedEvents(MalformedEvents malformedEvents) {
            this.malformedEvents = malformedEvents;
        }

        /** The cloud settings of an azure-openai, bedrock or vertex deployment (ignored by the other types). */
        private AzureSettings azure = new AzureSettings();
        private AwsSettings aws = new AwsSettings();
        private VertexSettings vertex = new VertexSettings();

        public AzureSettings getAzure() {
            return azure;
        }

        public void setAzure(AzureSettings azure) {
            this.azure = azure;
        }

        public AwsSettings getAws() {
            return aws;
        }

        public void setAws(AwsSettings aws) {
            this.aws = aws;
        }

        public VertexSettings getVertex() {
            return vertex;
        }

        public void setVertex(VertexSettings vertex) {
            this.vertex = vertex;
        }

        public List<String> getAnthropicBetaDrop() {
            return anthropicBetaDrop;
        }

        public void setAnthropicBetaDrop(List<String> anthropicBetaDrop) {
            this.anthropicBetaDrop = anthropicBetaDrop == null ? new ArrayList<>() : anthropicBetaDrop;
        }

        public ResponsesMode getResponses() {
            return responses;
        }

        public void setResponses(ResponsesMode responses) {
            this.responses = responses;
        }

        public Resilience.Retry getRetry() {
            return retry;
        }

        public void setRetry(Resilience.Retry retry) {
            this.retry = retry;
        }

        public Resilience.OnFailure getOnFailure() {
            return onFailure;
        }

        public void setOnFailure(Resilience.OnFailure onFailure) {
            this.onFailure = onFailure;
        }

        public Resilience.Timeouts getTimeouts() {
            return timeouts;
        }

        public void setTimeouts(Resilience.Timeouts timeouts) {
            this.timeouts = timeouts;
        }

        public Resilience.CircuitBreaker getCircuitBreaker() {
            return circuitBreaker;
        }

        public void setCircuitBreaker(Resilience.CircuitBreaker circuitBreaker) {
            this.circuitBreaker = circuitBreaker;
        }

        public Duration getRevalidateAfterIdle() {
            return revalidateAfterIdle;
        }

        public void setRevalidateAfterIdle(Duration revalidateAfterIdle) {
            this.revalidateAfterIdle = revalidateAfterIdle;
        }

        public int getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
        }

        /** {@code max_tokens} sent when the client gave none, for providers that require it (Anthropic). */
        public int getDefaultMaxTokens() {
            return defaultMaxTokens;
        }

        public void setDefaultMaxTokens(int defaultMaxTokens) {
            this.defaultMaxTokens = defaultMaxTokens;
        }

        public String getType() {
            return type;
        }

        public void setType(String type) {
            this.type = type;
        }

        public String getBaseUrl() {
            return baseUrl;
        }

        /** An endpoint of this deployment: its base-url (a trailing '/' or not) followed by {@code path}. */
        public String endpoint(String path) {
            return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + path;
        }

        public void setBaseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        public String getApiKey() {
            return apiKey;
        }

        public void setApiKey(String apiKey) {
            this.apiKey = apiKey == null ? "" : apiKey;
        }

        public Path getApiKeyFile() {
            return apiKeyFile;
        }

        public void setApiKeyFile(Path apiKeyFile) {
            this.apiKeyFile = apiKeyFile;
        }

        /** Upstream models listed by {@code GET /v1/models}; any other model of this provider still works. */
        public List<String> getModels() {
            return models;
        }

        public void setModels(List<String> models) {
            this.models = models;
        }

        @Override
        public String toString() { // never print the key
            return "Provider[type=" + type + ", baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * {@code responses:} of a deployment. PASSTHROUGH: its own {@code /responses} endpoint, which keeps stored responses
     * (OpenAI). STATELESS: its own endpoint, which keeps none (Ollama): the gateway sends a chained call's whole
     * conversation. TRANSLATE: through Chat Completions (servers without a Responses endpoint).
     */
    public enum ResponsesMode { PASSTHROUGH, STATELESS, TRANSLATE }

    /**
     * {@code malformed-events:} of a deployment. SKIP: a stream event that is not valid JSON is left out, logged once per
     * attempt and counted (gateway.stream.malformed_events, the row's malformed_events); the answer goes on. FAIL: it
     * ends the stream with the upstream_protocol_error event (strict).
     */
    public enum MalformedEvents { SKIP, FAIL }

    /**
     * {@code on-stream-failure:} of an alias. TERMINATE: a stream broken after its first byte ends with the error event.
     * CONTINUE: the request is sent again (the deployment's on-failure table picks the same deployment or the next) and
     * the rest of the answer is spliced onto what the client has (src/.../stream/StreamContinuation.java).
     */
    public enum OnStreamFailure { TERMINATE, CONTINUE }

    /**
     * A client-facing model name that points at a {@code provider/model} target, or at a weighted group of them, with
     * ordered fallbacks after it.
     */
    public static class ModelAlias {
        private String target;
        private OnStreamFailure onStreamFailure = OnStreamFailure.TERMINATE;

        /** What a stream that breaks after text reached the client does: ends with the error event, or is continued. */
        public OnStreamFailure getOnStreamFailure() {
            return onStreamFailure;
        }

        public void setOnStreamFailure(OnStreamFailure onStreamFailure) {
            this.onStreamFailure = onStreamFailure;
        }
        private List<GroupMember> group = new ArrayList<>();
        private List<String> fallbacks = new ArrayList<>();
        private List<String> contextFallbacks = new ArrayList<>();

        /**
         * Where a prompt too long for a target ({@code context_length_exceeded}) goes, in order: larger-context
         * {@code provider/model}s. Empty: such a failure is final (the ordinary fallbacks are not tried with it).
         */
        public List<String> getContextFallbacks() {
            return contextFallbacks;
        }

        public void setContextFallbacks(List<String> contextFallbacks) {
            this.contextFallbacks = contextFallbacks == null ? new ArrayList<>() : contextFallbacks;
        }

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }

        /** Deployments serving this alias side by side, requests spread by weight (instead of one {@code target}). */
        public List<GroupMember> getGroup() {
            return group;
        }

        public void setGroup(List<GroupMember> group) {
            this.group = group;
        }

        /** The alias's own targets, before its fallbacks: the group's members, or the one target. */
        public List<String> targets() {
            return group.isEmpty() ? (target == null ? List.of() : List.of(target))
                    : group.stream().map(GroupMember::getTarget).toList();
        }

        public List<String> getFallbacks() {
            return fallbacks;
        }

        public void setFallbacks(List<String> fallbacks) {
            this.fallbacks = fallbacks;
        }
    }

    /** One deployment of a model group: a {@code provider/model} target and its share of the requests. */
    public static class GroupMember {
        private String target;
        private int weight = 1;

        public String getTarget() {
            return target;
        }

        public void setTarget(String target) {
            this.target = target;
        }

        public int getWeight() {
            return weight;
        }

        public void setWeight(int weight) {
            this.weight = weight;
        }
    }
}
