package dev.camelgateway.stream;

/**
 * How a provider frames its stream body, as each provider type declares it
 * ({@link dev.camelgateway.provider.ProviderAdapter#streamFraming()}): server-sent events, or the AWS event stream
 * (binary frames, Bedrock's ConverseStream). Each gives one new parser per stream.
 */
public enum StreamFraming {
    SSE {
        @Override
        public EventParser newParser() {
            return new SseEventParser();
        }
    },
    AWS_EVENT_STREAM {
        @Override
        public EventParser newParser() {
            return new AwsEventStreamParser();
        }
    };

    public abstract EventParser newParser();
}
