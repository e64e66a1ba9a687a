package org.opentokens.powerauth.token.wiring.multiprocess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/** The worker's {@code mix-signed} command: the signed calls a host makes, in rotation. */
final class SignedMix {
    private SignedMix() {
    }

    static int run(PowerAuthClient client, URI baseUri, int calls) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI payment = baseUri.resolve(PowerAuthEmulator.SIGNED_RESOURCE_PREFIX + "/api/payment");
        int ok = 0;
        int failed = 0;
        for (int i = 0; i < calls; i++) {
            try {
                switch (i % 4) {
                    case 0 -> {
                        byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                        int status = client.signatures().sendSigned(password(), "POST", "/api/payment", body, null,
                                header -> http.send(HttpRequest.newBuilder(payment).timeout(Duration.ofSeconds(20))
                                        .header(header.key(), header.value())
                                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                                        HttpResponse.BodyHandlers.discarding()).statusCode()).join();
                        if (status != 200) {
                            throw new CompletionException(new IllegalStateException("signed resource said " + status));
                        }
                    }
                    case 1 -> {
                        if (!client.passwords().validatePassword(SharedBed.PASSWORD.toCharArray()).join().valid()) {
                            throw new CompletionException(new IllegalStateException("the password was refused"));
                        }
                    }
                    case 2 -> client.vault().fetchEncryptionKey(password(), i).join();
                    default -> client.vault().signDataWithDevicePrivateKey(password(), new byte[] {(byte) i}).join();
                }
                ok++;
            } catch (CompletionException e) {
                failed++;
                System.out.println("FAIL " + e.getCause().getClass().getSimpleName() + " " + e.getCause().getMessage());
            }
        }
        System.out.println("DONE ok=" + ok + " failed=" + failed);
        return failed == 0 ? 0 : 1;
    }

    private static PowerAuthAuthentication password() {
        return PowerAuthAuthentication.possessionWithPassword(SharedBed.PASSWORD.toCharArray());
    }
}
