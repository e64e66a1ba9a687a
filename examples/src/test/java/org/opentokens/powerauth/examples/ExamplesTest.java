package org.opentokens.powerauth.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;

/** Runs each README example against the emulator and checks that the server accepts what it produced. */
class ExamplesTest {
    private final PowerAuthEmulator emulator = PowerAuthEmulator.builder().commitOnKeyExchange(true).build();
    private final URI baseUri = emulator.start();
    private final EmulatorApplication app = emulator.createApplication();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private int statusOf(String headerValue) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/api/resource"))
                .header("X-PowerAuth-Token", headerValue).GET().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private PowerAuthClientConfig.Builder config() {
        return PowerAuthClientConfig.builder(baseUri, app.appKey(), app.appSecret(), app.masterServerPublicKey());
    }

    private static void activate(PowerAuthClient client, EmulatorActivationCode code) {
        client.activation().createActivation(PowerAuthActivation.builder(code.activationCode(), "example").build())
                .join();
        client.activation().commitActivation(PowerAuthAuthentication.commitWithPassword("1234".toCharArray()));
    }

    /** The emulator's sample API, like a bare {@code @PowerAuthToken} endpoint, wants two factors. */
    private static PowerAuthAuthentication twoFactors() {
        return PowerAuthAuthentication.possessionWithPassword("1234".toCharArray());
    }

    @Test
    void theGuiceQuickstartMakesAHeaderTheServerAccepts() throws Exception {
        EmulatorActivationCode code = emulator.initActivation(app);

        PowerAuthAuthorizationHttpHeader header = GuiceQuickstart.run(baseUri.toString(), app.appKey(),
                app.appSecret(), app.masterServerPublicKey(), code.activationCode(), "1234".toCharArray());

        assertThat(header.key()).isEqualTo("X-PowerAuth-Token");
        assertThat(statusOf(header.value())).isEqualTo(200);
        assertThat(emulator.tokens(code.activationId())).hasSize(1);
    }

    @Test
    void severalInstancesKeepTheirActivationsAndTokensApart() throws Exception {
        var injector = SeveralInstances.aliceAndBob(config(), config());
        try (PowerAuthClient alice = SeveralInstances.client(injector, "alice");
                PowerAuthClient bob = SeveralInstances.client(injector, "bob")) {
            activate(alice, emulator.initActivation(app));
            activate(bob, emulator.initActivation(app));
            alice.tokenStore().requestAccessToken("alice-token", twoFactors()).join();
            bob.tokenStore().requestAccessToken("bob-token", twoFactors()).join();

            assertThat(alice.instanceId()).isEqualTo("alice");
            assertThat(bob.instanceId()).isEqualTo("bob");
            assertThat(alice.activation().activationIdentifier()).isNotEqualTo(bob.activation().activationIdentifier());
            assertThat(alice.tokenStore().localTokenNames()).containsExactly("alice-token");
            assertThat(bob.tokenStore().localTokenNames()).containsExactly("bob-token");
            assertThat(statusOf(alice.tokenStore().generateHeaderForToken("alice-token").value())).isEqualTo(200);
            assertThat(statusOf(bob.tokenStore().generateHeaderForToken("bob-token").value())).isEqualTo(200);
        }
    }

    @Test
    void theHttpWrapperSignsEveryCall() throws Exception {
        var injector = SeveralInstances.aliceAndBob(config(), config());
        try (PowerAuthClient client = SeveralInstances.client(injector, "alice")) {
            activate(client, emulator.initActivation(app));
            client.tokenStore().requestAccessToken("balance", twoFactors()).join();

            List<HttpResponse<String>> answers = CallingYourApi.getBalance(client, baseUri.resolve("/api/resource"));

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200);
        }
    }
}
