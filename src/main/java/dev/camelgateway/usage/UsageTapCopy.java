package dev.camelgateway.usage;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * The wire taps' {@code onPrepare}: the tapped copy keeps only the attempt record. A copy shares the original's
 * properties, so without this each queued tap kept the whole {@code RequestContext} (the parsed request: about 3 MB
 * for a 1 MB prompt), the headers and the body alive until the usage route ran.
 */
@Component("usageTapCopy")
public class UsageTapCopy implements Processor {

    @Override
    public void process(Exchange copy) {
        Object record = copy.getProperty(AttemptTally.RECORD);
        copy.removeProperties("*");
        copy.getIn().removeHeaders("*");
        copy.getIn().setBody(null);
        copy.setException(null);
        copy.removeVariable("*");
        if (record != null) {
            copy.setProperty(AttemptTally.RECORD, record);
        }
    }
}
