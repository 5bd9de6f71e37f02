package dev.camelgateway.resilience;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.ClientDisconnectedException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;

import java.io.IOException;
import java.net.SocketTimeoutException;

/** Sorts an attempt's failure into a {@link FailureKind} (issue 4's table of what is retried). */
public final class FailureClassifier {
    private FailureClassifier() {
    }

    public static FailureKind classify(Throwable failure, boolean streamCommitted) {
        if (find(failure, ClientDisconnectedException.class) != null) {
            return FailureKind.CLIENT_GONE;
        }
        if (streamCommitted) {
            return FailureKind.MID_STREAM;
        }
        if (find(failure, CallNotPermittedException.class) != null) {
            return FailureKind.CIRCUIT_OPEN;
        }
        HttpOperationFailedException http = find(failure, HttpOperationFailedException.class);
        if (http != null) {
            return byStatus(http.getStatusCode());
        }
        if (find(failure, UpstreamTimeoutException.class) != null || find(failure, SocketTimeoutException.class) != null
                || find(failure, ConnectTimeoutException.class) != null) {
            return FailureKind.TIMEOUT;
        }
        UpstreamStreamException inBand = find(failure, UpstreamStreamException.class);
        if (inBand != null) {
            return inBand.status() == 429 ? FailureKind.RATE_LIMITED : FailureKind.SERVER_ERROR;
        }
        GatewayException refused = find(failure, GatewayException.class);
        if (refused != null) {
            return refused.status() < 500 ? FailureKind.CLIENT_ERROR : FailureKind.GATEWAY;
        }
        if (find(failure, IOException.class) != null) {
            return FailureKind.CONNECTION;
        }
        return FailureKind.GATEWAY;
    }

    /** Resilience4j's record-exception predicate: only failures that say the provider is unhealthy. */
    public static boolean countsAgainstProvider(Throwable failure) {
        return classify(failure, false).countsAgainstProvider();
    }

    static FailureKind byStatus(int status) {
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        return status == 408 || status >= 500 ? FailureKind.SERVER_ERROR : FailureKind.CLIENT_ERROR;
    }

    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
