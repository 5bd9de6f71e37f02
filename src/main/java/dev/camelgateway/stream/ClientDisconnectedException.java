package dev.camelgateway.stream;

import java.io.IOException;

/** Writing to the client failed: it went away. Nothing more can be sent to it. */
public class ClientDisconnectedException extends IOException {
    public ClientDisconnectedException(Throwable cause) {
        super("client disconnected: " + cause.getMessage(), cause);
    }
}
