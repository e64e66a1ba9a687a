package org.opentokens.powerauth.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** How the test client reaches the emulator: in process or over loopback HTTP. */
@FunctionalInterface
interface Transport {

    EmulatorResponse exchange(EmulatorRequest request);

    static Transport inProcess(PowerAuthEmulator emulator) {
        return emulator::handle;
    }

    static Transport http(URI baseUri) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return request -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(request.path()))
                    .timeout(Duration.ofSeconds(20));
            request.headers().forEach(builder::header);
            byte[] body = request.body();
            builder.method(request.method(), body.length == 0 && request.method().equals("GET")
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            try {
                HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
                Map<String, String> headers = new HashMap<>();
                response.headers().map().forEach((name, values) -> headers.put(name, String.join(",", values)));
                return new EmulatorResponse(response.statusCode(), headers, response.body());
            } catch (IOException e) {
                throw new TransportFailure(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportFailure(e);
            }
        };
    }

    /** An I/O failure of the HTTP transport. */
    final class TransportFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TransportFailure(Exception cause) {
            super(cause);
        }
    }
}
