package org.opentokens.powerauth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.testkit.PowerAuthEmulatorExtension;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.InMemoryStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.http.PowerAuthTokenHttpClient;

// README-BEGIN
class MyApiTest {
    @RegisterExtension
    static PowerAuthEmulatorExtension emulator = PowerAuthEmulatorExtension.builder().commitOnKeyExchange(true).build();

    @Test
    void myApiAcceptsTokens(PowerAuthEmulator server, EmulatorApplication app, URI baseUri) throws Exception {
        PowerAuthClientConfig config = PowerAuthClientConfig
                .builder(baseUri, app.appKey(), app.appSecret(), app.masterServerPublicKey()).build();
        try (PowerAuthClient client = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config),
                new InMemoryStorageModule()).getInstance(PowerAuthClient.class)) {
            EmulatorActivationCode code = server.initActivation(app);   // what the bank's back office hands out
            client.activation().createActivation(PowerAuthActivation.builder(code.activationCode(), "test").build())
                    .join();
            client.activation().commitActivation(PowerAuthAuthentication.commitWithPassword("1234".toCharArray()));
            client.tokenStore().requestAccessToken("balance",
                    PowerAuthAuthentication.possessionWithPassword("1234".toCharArray())).join();

            HttpClient http = PowerAuthTokenHttpClient.wrap(HttpClient.newHttpClient(), client, "balance");
            // the emulator's sample resource stands in for your API here
            HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/api/resource")).GET().build();
            assertThat(http.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}
// README-END
