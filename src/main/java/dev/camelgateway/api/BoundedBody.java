package dev.camelgateway.api;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body of at most {@code maxBytes}: a declared {@code Content-Length} over the limit is refused
 * before a byte is read, an undeclared (chunked) body as soon as it crosses the limit. Memory grows with the bytes
 * that actually arrive ({@link InputStream#readNBytes(int)} reads in 8 KiB steps, then makes one array), so a client
 * that declares 8 MB and sends nothing pins nothing.
 */
final class BoundedBody {
    private BoundedBody() {
    }

    static byte[] read(InputStream in, long declaredLength, long maxBytes) throws IOException {
        if (declaredLength > maxBytes) {
            throw tooLarge(maxBytes);
        }
        long wanted = declaredLength >= 0 ? declaredLength : maxBytes + 1;
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, wanted));
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return body;
    }

    static GatewayException tooLarge(long maxBytes) {
        return new GatewayException(413, new OpenAiError("The request body exceeds the gateway's limit of " + maxBytes
                + " bytes (gateway.max-request-size).", OpenAiError.INVALID_REQUEST, null, "request_too_large"));
    }
}
