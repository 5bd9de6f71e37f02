package dev.camelgateway.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry read again after a change made through /admin, so that it holds for this instance's next request. The
 * change is stored by then: should the read fail, the answer still says it was made, and the registry's timer takes it
 * up at its next run.
 */
final class RegistryRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryRefresh.class);

    private RegistryRefresh() {
    }

    static void afterChange(KeyRegistry registry) {
        try {
            registry.refresh();
        } catch (RuntimeException e) {
            LOG.warn("gateway keys: a change is stored, but the keys could not be read again ({}); the next refresh "
                    + "takes it up", e.toString());
        }
    }
}
