package dev.camelgateway.provider.bedrock;

import dev.camelgateway.provider.anthropic.ClaudePrefill;
import dev.camelgateway.api.ChatRequest;
import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.MappedResponse;
import dev.camelgateway.provider.ProviderAdapter;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.UnsupportedParameters;
import dev.camelgateway.provider.UpstreamRequest;
import dev.camelgateway.provider.openai.OpenAiShapes;
import dev.camelgateway.routing.GatewayProperties;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.StreamFraming;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@code type: bedrock} — Amazon Bedrock's Converse API ({@code POST {base-url}/model/{modelId}/converse}) and
 * ConverseStream ({@code …/converse-stream}, an AWS event stream, not SSE). The deployment needs {@code aws.region};
 * its base-url defaults to {@code https://bedrock-runtime.{region}.amazonaws.com}. Credentials: {@link BedrockAuth}.
 */
@Component
public class BedrockAdapter implements ProviderAdapter {
    static final String EVENT_STREAM = "application/vnd.amazon.eventstream";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private final boolean dropUnsupported;
    private final Clock clock;
    private final BedrockAuth auth;

    private final Supplier<String> ids;

    @Autowired
    public BedrockAdapter(GatewayProperties properties, Clock clock) {
        this(properties, clock, () -> "chatcmpl-" + UUID.randomUUID().toString().replace("-", ""));
    }

    /** @param ids the completion ids: Converse answers carry none, so the gateway makes one per answer */
    public BedrockAdapter(GatewayProperties properties, Clock clock, Supplier<String> ids) {
        this.dropUnsupported = properties.isDropUnsupportedParams();
        this.clock = clock;
        this.auth = new BedrockAuth(clock);
        this.ids = ids;
    }

    /** Claude models through Converse as on Anthropic; other families are regenerated. */
    @Override
    public boolean prefillByDefault(String upstreamModel) {
        return upstreamModel.contains("anthropic.claude") && ClaudePrefill.accepts(upstreamModel);
    }

    @Override
    public String type() {
        return "bedrock";
    }

    @Override
    public void configure(String id, GatewayProperties.Provider provider, List<String> problems) {
        String region = provider.getAws().getRegion();
        if (region.isBlank()) {
            problems.add("gateway.providers." + id + ".aws.region is required for type bedrock (e.g. us-east-1)");
        } else if (!REGION.matcher(region).matches()) {
            problems.add("gateway.providers." + id + ".aws.region '" + region + "' is not an AWS region name (e.g. us-east-1)");
        } else if (provider.getBaseUrl() == null || provider.getBaseUrl().isBlank()) {
            provider.setBaseUrl("https://bedrock-runtime." + region + ".amazonaws.com");
        }
    }

    @Override
    public void checkModel(String upstreamModel) {
        BedrockModelIds.check(upstreamModel);
    }

    /** Runs once per attempt: the request is signed (or given its bearer key) anew each time. */
    @Override
    public UpstreamRequest toUpstreamRequest(ChatRequest request, Target target) {
        byte[] body = BedrockRequestMapper.toConverseBody(request, target,
                new UnsupportedParameters(target.providerId(), dropUnsupported));
        String url = BedrockModelIds.toUrl(target, request.stream());
        Map<String, String> headers = new LinkedHashMap<>(auth.toHeaders(target, url, body));
        if (request.stream()) {
            headers.put("Accept", EVENT_STREAM);
        }
        return new UpstreamRequest(url, headers, body);
    }

    @Override
    public MappedResponse toChatCompletion(byte[] upstreamBody, ChatRequest request, Target target) {
        return BedrockResponseMapper.toChatCompletion(upstreamBody,
                new OpenAiShapes.ChunkHeader(ids.get(), now(), target.upstreamModel()));
    }

    @Override
    public StreamMapper newStreamMapper(ChatRequest request, Target target) {
        return new BedrockStreamMapper(request.includeUsage(),
                new OpenAiShapes.ChunkHeader(ids.get(), now(), target.upstreamModel()));
    }

    @Override
    public StreamFraming streamFraming() {
        return StreamFraming.AWS_EVENT_STREAM;
    }

    @Override
    public GatewayException toGatewayException(String providerId, int status, String body, Map<String, String> headers) {
        return BedrockErrorMapper.toGatewayException(providerId, status, body, headers);
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }
}
