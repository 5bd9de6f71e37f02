package dev.camelgateway.provider;

import dev.camelgateway.api.ClientRequest;
import dev.camelgateway.routing.Target;
import dev.camelgateway.stream.ClientStream;

/** An {@link ApiBinding} of an API that is never streamed (embeddings): its reader makes no streaming request. */
public interface WholeAnswerBinding extends ApiBinding {

    @Override
    default ClientStream newStream(ClientRequest request, Target target) {
        throw new IllegalStateException("the " + request.api().name() + " API is not streamed");
    }
}
