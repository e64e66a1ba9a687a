package org.opentokens.powerauth.examples;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.http.PowerAuthTokenHttpClient;

/** README, "Calling your API with java.net.http": the JDK's client, with a fresh token header on every request. */
public final class CallingYourApi {
    private CallingYourApi() {
    }

    /**
     * @param powerAuthClient an activated client with a token {@code balance}
     * @param uri an API protected by {@code X-PowerAuth-Token}
     * @return the answers of one synchronous and one asynchronous call
     * @throws IOException if the call fails
     * @throws InterruptedException if interrupted
     */
    public static List<HttpResponse<String>> getBalance(PowerAuthClient powerAuthClient, URI uri)
            throws IOException, InterruptedException {
        // README-BEGIN
        HttpClient http = PowerAuthTokenHttpClient.wrap(HttpClient.newHttpClient(), powerAuthClient, "balance");
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> later = http.sendAsync(request, BodyHandlers.ofString());
        // README-END
        return List.of(response, later.join());
    }
}
