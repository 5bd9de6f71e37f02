package dev.camelgateway.provider;

import java.util.Map;

/** What a request mapper produces: the full upstream URL, the provider's headers, and the JSON body. */
public record UpstreamRequest(String url, Map<String, String> headers, byte[] body) {

    @Override
    public String toString() { // header names only: their values carry the provider key
        return "UpstreamRequest[url=" + url + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
