package org.opentokens.powerauth.examples;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import java.time.Duration;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.wiring.InMemoryStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/** README, "Using it with Guice": activate, request a token and make a header, as a host application does. */
public final class GuiceQuickstart {
    private GuiceQuickstart() {
    }

    /**
     * @param serverUrl the enrollment server, such as {@code https://bank.example/enrollment-server}
     * @param appKey {@code APP_KEY} of the application
     * @param appSecret {@code APP_SECRET}
     * @param masterServerPublicKey {@code KEY_SERVER_MASTER_PUBLIC}
     * @param activationCode the code the user got from the bank
     * @param password the password the user chose
     * @return a header for the token {@code balance}
     */
    public static PowerAuthAuthorizationHttpHeader run(String serverUrl, String appKey, String appSecret,
            String masterServerPublicKey, String activationCode, char[] password) {
        // README-BEGIN
        PowerAuthClientConfig config = PowerAuthClientConfig
                .builder(serverUrl, appKey, appSecret, masterServerPublicKey)
                .instanceId("default")                     // namespaces storage; "default" unless set
                .protocolVersion(ProtocolVersion.V3_3)     // the default
                .requestTimeout(Duration.ofSeconds(20))    // HTTP settings pass through to the adapter
                .build();
        Injector injector = Guice.createInjector(Stage.PRODUCTION,
                new PowerAuthTokenModule(config), new InMemoryStorageModule());
        PowerAuthClient client = injector.getInstance(PowerAuthClient.class);

        client.activation().createActivation(PowerAuthActivation.builder(activationCode, "my laptop").build()).join();
        client.activation().commitActivation(PowerAuthAuthentication.commitWithPassword(password));
        // ... once the back office has committed the activation:
        // two factors: an endpoint with a bare @PowerAuthToken refuses possession-only tokens
        client.tokenStore().requestAccessToken("balance", PowerAuthAuthentication.possessionWithPassword(password))
                .join();
        PowerAuthAuthorizationHttpHeader header = client.tokenStore().generateHeaderForToken("balance");
        // send header.key(): header.value() with the request to the protected API
        client.close();                                    // stops the client's worker threads
        // README-END
        return header;
    }
}
