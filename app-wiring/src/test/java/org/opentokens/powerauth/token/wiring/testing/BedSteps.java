package org.opentokens.powerauth.token.wiring.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;

/** The steps every app-wiring test bed takes against the testkit emulator, written once. */
public final class BedSteps {
    private BedSteps() {
    }

    /** @return a config for the emulator's application, with cheap PBKDF2 for fast tests */
    public static PowerAuthClientConfig.Builder config(URI baseUri, EmulatorApplication application,
            String instanceId, ProtocolVersion version, Duration requestTimeout) {
        return PowerAuthClientConfig.builder(baseUri, application.appKey(), application.appSecret(),
                        application.masterServerPublicKey())
                .instanceId(instanceId)
                .protocolVersion(version)
                .knowledgeKeyIterations(10)
                .requestTimeout(requestTimeout);
    }

    /**
     * Creates an activation, commits it locally with the password and lets the back office commit it.
     *
     * @return the activation id
     */
    public static String activate(PowerAuthEmulator emulator, EmulatorApplication application, PowerAuthClient client,
            String deviceName, String password) {
        EmulatorActivationCode code = emulator.initActivation(application);
        client.activation().createActivation(PowerAuthActivation.builder(code.activationCode(), deviceName)
                .platform("java").build()).join();
        client.activation().commitActivation(PowerAuthAuthentication.commitWithPassword(password.toCharArray()));
        emulator.commitActivation(code.activationId());
        return code.activationId();
    }

    /** @return every stored entry of the instance, as copies */
    public static Map<String, SecretBytes> snapshot(SecureStorage storage, String instanceId) {
        StorageNamespace namespace = StorageNamespace.of(instanceId);
        Map<String, SecretBytes> entries = new LinkedHashMap<>();
        for (String name : storage.names(namespace)) {
            storage.get(namespace, name).ifPresent(value -> entries.put(name, value));
        }
        return entries;
    }

    /** @return what the future failed with, unwrapped; fails the test if it succeeds or is still running at the wait */
    public static Throwable failure(CompletableFuture<?> future, Duration wait) {
        try {
            future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | CompletionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (TimeoutException e) {
            throw new AssertionError("the future neither completed nor failed", e);
        }
        throw new AssertionError("expected the future to fail, but it completed");
    }

    /**
     * @return the HTTP status the emulator's resource for any possession-based token answers the header value with
     *     (the beds' tokens are mostly possession-only, which the 2FA resource refuses, as a real deployment does)
     */
    public static int resourceStatus(HttpClient http, URI baseUri, String headerValue, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(PowerAuthEmulator.POSSESSION_RESOURCE_PATH))
                .timeout(timeout)
                .header(TokenHeader.HEADER_NAME, headerValue)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new AssertionError("the sample resource did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
