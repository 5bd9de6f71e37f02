package dev.camelgateway.resilience;

import dev.camelgateway.api.GatewayException;
import dev.camelgateway.provider.UpstreamStreamException;
import dev.camelgateway.stream.ClientDisconnectedException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.hc.client5.http.ConnectTimeoutException;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Sorts an attempt's failure into a {@link FailureKind}. The raw failure tells most kinds; the error the provider's
 * mapper made of it ({@code mapped}) tells a prompt too long or filtered, and a refused credential.
 */
public final class FailureClassifier {
    /** The codes of a cloud refusing (or not giving) the gateway a token or credentials before any call. */
    private static final java.util.Set<String> CREDENTIAL_CODES = java.util.Set.of("upstream_auth_failed",
            "upstream_credentials_unavailable");
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
        UpstreamTimeoutException timeout = find(failure, UpstreamTimeoutException.class);
        if (timeout != null && UpstreamTimeoutException.REQUEST_DEADLINE.equals(timeout.error().code())) {
            return FailureKind.DEADLINE;
        }
        if (timeout != null && UpstreamTimeoutException.STALLED.equals(timeout.error().code())) {
            return FailureKind.STALL;
        }
        if (timeout != null || find(failure, SocketTimeoutException.class) != null
                || find(failure, ConnectTimeoutException.class) != null) {
            return FailureKind.TIMEOUT;
        }
        UpstreamStreamException inBand = find(failure, UpstreamStreamException.class);
        if (inBand != null) {
            return streamKind(inBand);
        }
        GatewayException refused = find(failure, GatewayException.class);
        if (refused != null && CREDENTIAL_CODES.contains(refused.error().code())) {
            return FailureKind.CREDENTIAL_REFUSED; // no token or credentials for the gateway's own call (Entra, Google, AWS)
        }
        if (refused != null) {
            return refused.status() < 500 ? FailureKind.CLIENT_ERROR : FailureKind.GATEWAY;
        }
        if (find(failure, IOException.class) != null) {
            return FailureKind.CONNECTION;
        }
        return FailureKind.GATEWAY;
    }

    /** {@link #classify(Throwable, boolean)}, refined by the error the provider's mapper made of the failure. */
    public static FailureKind classify(Throwable failure, boolean streamCommitted, GatewayException mapped) {
        FailureKind kind = classify(failure, streamCommitted);
        if (mapped == null || (kind != FailureKind.CLIENT_ERROR && kind != FailureKind.IN_BAND_ERROR)) {
            return kind;
        }
        String code = mapped.error().code();
        if ("context_length_exceeded".equals(code)) {
            return FailureKind.CONTEXT_LENGTH;
        }
        if ("content_filter".equals(code) || "content_policy_violation".equals(code)) {
            return FailureKind.CONTENT_FILTER;
        }
        if ((mapped.status() == 401 || mapped.status() == 403) && find(failure, HttpOperationFailedException.class) != null) {
            return FailureKind.CREDENTIAL_REFUSED; // the provider's answer to the gateway's key (Gemini's is a 400 mapped to 401)
        }
        return kind;
    }

    /** A stream that failed before the first byte: cut short, unreadable, or the provider's own error event. */
    private static FailureKind streamKind(UpstreamStreamException failure) {
        String code = failure.error().code();
        if (UpstreamStreamException.INTERRUPTED.equals(code)) {
            return FailureKind.SERVER_ERROR;
        }
        if (UpstreamStreamException.PROTOCOL_ERROR.equals(code)) {
            return FailureKind.MALFORMED_EVENT;
        }
        if (failure.status() == 429) {
            return FailureKind.RATE_LIMITED;
        }
        return failure.status() < 500 ? FailureKind.CLIENT_ERROR : FailureKind.IN_BAND_ERROR;
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
