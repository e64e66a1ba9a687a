package org.opentokens.archfixtures.domain;

import java.net.http.HttpClient;

/** Violates: the domain does no I/O. */
public final class HttpCaller {
    public HttpClient client() {
        return HttpClient.newHttpClient();
    }
}
