package dev.camelgateway.quota;

/** The quota store (Redis) did not answer in time or refused the command. */
public class QuotaStoreUnavailable extends RuntimeException {
    public QuotaStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
