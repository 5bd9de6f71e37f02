package dev.camelgateway.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@code maxBytes}, within a deadline: a declared {@code Content-Length} over the
 * limit is refused before a byte is read, an undeclared (chunked) body as soon as it crosses the limit, and a body
 * still arriving at the deadline with 408 (each read waits at most Tomcat's connection-timeout, so a client that
 * trickles a byte now and then holds its request no longer than that past the deadline). Memory grows with the bytes
 * that actually arrive, in 8 KiB steps, so a client that declares 8 MB and sends nothing pins nothing.
 */
final class BoundedBody {
    private static final int STEP = 8192;

    private BoundedBody() {
    }

    static byte[] read(InputStream in, long declaredLength, long maxBytes, long deadlineNanos) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        long wanted = declaredLength >= 0 ? declaredLength : maxBytes + 1;
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(STEP, Math.max(0, wanted)));
        byte[] buffer = new byte[STEP];
        while (body.size() < wanted) {
            int n = in.read(buffer, 0, (int) Math.min(STEP, wanted - body.size()));
            if (n < 0) {
                break;
            }
            body.write(buffer, 0, n);
            if (body.size() > maxBytes) {
                throw tooLarge(maxBytes);
            }
            if (System.nanoTime() - deadlineNanos > 0 && body.size() < wanted) {
                throw new GatewayException(408, new OpenAiError("The request body did not arrive within the gateway's "
                        + "limit (gateway.limits.body-timeout).", OpenAiError.INVALID_REQUEST, null, "request_timeout"));
            }
        }
        return body.toByteArray();
    }

    static GatewayException tooLarge(long maxBytes) {
        return new GatewayException(413, new OpenAiError("The request body exceeds the gateway's limit of " + maxBytes
                + " bytes (gateway.max-request-size).", OpenAiError.INVALID_REQUEST, null, "request_too_large"));
    }
}
