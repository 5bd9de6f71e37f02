package dev.camelgateway.resilience;

import dev.camelgateway.stream.StreamTranslator;
import dev.camelgateway.usage.UsageRecorder;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.ExchangeHelper;
import org.springframework.stereotype.Component;

/**
 * The redelivery policy's {@code onRedelivery}: before a failed attempt is retried, the usage it consumed goes to the
 * usage route (extract before retry), asynchronously like the wire taps of the routes.
 */
@Component("usageBeforeRetry")
public class UsageBeforeRetry implements Processor {
    private final StreamTranslator streams;
    private final ProducerTemplate template;

    public UsageBeforeRetry(StreamTranslator streams, ProducerTemplate template) {
        this.streams = streams;
        this.template = template;
    }

    @Override
    public void process(Exchange exchange) {
        Exchange tap = ExchangeHelper.createCopy(exchange, true);
        tap.setException(null);
        streams.usageSoFar(tap);
        if (tap.getProperty(UsageRecorder.USAGE) != null) {
            template.asyncSend("direct:usage", tap);
        }
    }
}
