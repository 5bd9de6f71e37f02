package dev.camelgateway.stream;

import dev.camelgateway.api.ClientApi;
import dev.camelgateway.provider.StreamMapper;
import dev.camelgateway.provider.StreamOutput;
import dev.camelgateway.usage.Usage;

import java.util.List;

/**
 * Upstream events → canonical chunks (the provider's {@link StreamMapper}) → the client API's frames (its encoder). A
 * {@link ChunkFilter} between them sees every chunk on its way: a continuable stream's transcript, or a continuation's
 * splice.
 */
public final class TranslatedStream implements ClientStream {
    private final StreamMapper mapper;
    private final ClientApi.StreamEncoder encoder;
    private final ChunkFilter filter;

    /** The canonical chunks on their way from the mapper to the encoder. */
    public interface ChunkFilter {
        ChunkFilter NONE = chunks -> chunks;

        List<String> apply(List<String> chunks);

        /**
         * At the upstream's complete end: the chunks still held back, or an exception when the chunks so far cannot
         * end the client's stream.
         */
        default List<String> end() {
            return List.of();
        }
    }

    public TranslatedStream(StreamMapper mapper, ClientApi.StreamEncoder encoder) {
        this(mapper, encoder, ChunkFilter.NONE);
    }

    public TranslatedStream(StreamMapper mapper, ClientApi.StreamEncoder encoder, ChunkFilter filter) {
        this.mapper = mapper;
        this.encoder = encoder;
        this.filter = filter;
    }

    /** The client API's encoder: a continuation goes on with it, so the client's stream stays one. */
    public ClientApi.StreamEncoder encoder() {
        return encoder;
    }

    @Override
    public ClientFrames next(SseEvent event) {
        return encode(mapper.toChunks(event));
    }

    @Override
    public ClientFrames finish() {
        StreamOutput closing = mapper.finish();
        List<String> chunks = new java.util.ArrayList<>(filter.apply(closing.chunks()));
        chunks.addAll(filter.end());
        return encode(closing, chunks);
    }

    private ClientFrames encode(StreamOutput output) {
        return encode(output, output.chunks().isEmpty() ? output.chunks() : filter.apply(output.chunks()));
    }

    private ClientFrames encode(StreamOutput output, List<String> chunks) {
        List<SseFrame> frames = chunks.isEmpty() ? List.of() : encoder.encode(chunks);
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
