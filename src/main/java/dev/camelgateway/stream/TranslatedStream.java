package dev.camelgateway.stream;

import dev.camelgateway.api.ClientApi;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.usage.Usage;

import java.util.List;

/** Upstream events → canonical chunks (the provider's {@link StreamMapper}) → the client API's frames (its encoder). */
public final class TranslatedStream implements ClientStream {
    private final StreamMapper mapper;
    private final ClientApi.StreamEncoder encoder;

    public TranslatedStream(StreamMapper mapper, ClientApi.StreamEncoder encoder) {
        this.mapper = mapper;
        this.encoder = encoder;
    }

    @Override
    public ClientFrames next(SseEvent event) {
        return encode(mapper.toChunks(event));
    }

    @Override
    public ClientFrames finish() {
        return encode(mapper.finish());
    }

    private ClientFrames encode(StreamOutput output) {
        List<SseFrame> frames = output.chunks().isEmpty() ? List.of() : encoder.encode(output.chunks());
        return frames.isEmpty() && output.usage() == null && output.text().isEmpty() ? ClientFrames.NOTHING
                : new ClientFrames(frames, output.usage(), output.text());
    }

    @Override
    public List<SseFrame> end() {
        return encoder.end();
    }

    @Override
    public List<SseFrame> error(String errorBody) {
        return encoder.error(errorBody);
    }

    @Override
    public Usage usageSoFar() {
        return mapper.usageSoFar();
    }
}
