package org.opentokens.powerauth.token.cli.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;

/**
 * Calls the emulator's token-protected sample API, {@code GET /api/resource}, with one header. Like an endpoint
 * with a bare {@code @PowerAuthToken}, it accepts tokens created with two or more factors.
 */
final class ProtectedResource {
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]{1,64})\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI resource;

    ProtectedResource(URI baseUri) {
        this.resource = baseUri.resolve(PowerAuthEmulator.RESOURCE_PATH);
    }

    /** The server's answer: HTTP status and, for a rejection, the PowerAuth error code. */
    record Answer(int status, String code) {
        @Override
        public String toString() {
            return status == 200 ? "200 OK, accepted" : status + " " + code + ", rejected";
        }
    }

    Answer call(PowerAuthAuthorizationHttpHeader header) {
        HttpRequest request = HttpRequest.newBuilder(resource).timeout(Duration.ofSeconds(10))
                .header(header.key(), header.value()).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher code = CODE.matcher(response.body());
            return new Answer(response.statusCode(), code.find() ? code.group(1) : "-");
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
