package org.opentokens.powerauth.token.adapter.http.internal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.testing.Fuzz;
import org.opentokens.powerauth.token.testing.FuzzInputs;
import org.opentokens.powerauth.token.testing.FuzzReport;
import org.opentokens.powerauth.token.testing.JsonMutations;
import org.opentokens.powerauth.token.testing.Mutations;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Fuzzes the services' handling of server answers end to end: the emulator's genuine answer of one endpoint is
 * mutated (structurally or byte-wise) on its way through the real HTTP adapter, and the token store or activation
 * service must fail with {@link InvalidServerResponseException} or {@link ServerRejectedException} only. When it
 * fails, storage is unchanged except for the counter, which moved exactly once if and only if a signed request
 * left, and the time offset is unchanged unless a genuine status or temporary key was fetched during the call.
 */
@Tag("reliability")
class ServiceResponseFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String KEPT = "kept";

    @Test
    void mutatedTokenCreateAnswersLeaveStateUnchanged() throws Exception {
        for (ProtocolVersion version : FuzzedClient.versions()) {
            fuzz(version, "/pa/v3/token/create", "/pa/v3/token/create",
                    client -> client.tokens.requestAccessToken("new", PowerAuthAuthentication.possession()).join(),
                    client -> client.tokens.removeLocalToken("new"));
        }
    }

    @Test
    void mutatedKeystoreAnswersLeaveStateUnchanged() throws Exception {
        fuzz(ProtocolVersion.V3_3, "/pa/v3/keystore/create", "/pa/v3/token/create", client -> {
            client.temporaryKeys.clear();
            client.tokens.requestAccessToken("new", PowerAuthAuthentication.possession()).join();
        }, client -> client.tokens.removeLocalToken("new"));
    }

    @Test
    void mutatedActivationStatusAnswersLeaveStateUnchanged() throws Exception {
        for (ProtocolVersion version : FuzzedClient.versions()) {
            fuzz(version, "/pa/v3/activation/status", "/pa/v3/token/create",
                    client -> client.activation.fetchActivationStatus().join(), client -> { });
        }
    }

    @Test
    void mutatedTokenRemoveAnswersLeaveStateUnchanged() throws Exception {
        fuzz(ProtocolVersion.V3_3, "/pa/v3/token/remove", "/pa/v3/token/remove",
                client -> client.tokens.removeAccessToken(KEPT).join(),
                client -> client.tokens.requestAccessToken(KEPT, PowerAuthAuthentication.possession()).join());
    }

    @Test
    void mutatedV4TokenCreateAnswersLeaveStateUnchanged() throws Exception {
        fuzzV4("/pa/v4/token/create", "/pa/v4/token/create",
                client -> client.tokens.requestAccessToken("new", PowerAuthAuthentication.possession()).join(),
                client -> client.tokens.removeLocalToken("new"));
    }

    @Test
    void mutatedV4KeystoreAnswersLeaveStateUnchanged() throws Exception {
        fuzzV4("/pa/v4/keystore/create", "/pa/v4/token/create", client -> {
            client.v4.clearKeys();
            client.tokens.requestAccessToken("new", PowerAuthAuthentication.possession()).join();
        }, client -> client.tokens.removeLocalToken("new"));
    }

    @Test
    void mutatedV4ActivationStatusAnswersLeaveStateUnchanged() throws Exception {
        fuzzV4("/pa/v4/activation/status", "/pa/v4/token/create",
                client -> client.activation.fetchActivationStatus().join(), client -> { });
    }

    @Test
    void mutatedV4TokenRemoveAnswersLeaveStateUnchanged() throws Exception {
        fuzzV4("/pa/v4/token/remove", "/pa/v4/token/remove",
                client -> client.tokens.removeAccessToken(KEPT).join(),
                client -> client.tokens.requestAccessToken(KEPT, PowerAuthAuthentication.possession()).join());
    }

    private void fuzzV4(String path, String signedPath, Fuzz.InputAction<FuzzedClient> action,
            Fuzz.InputAction<FuzzedClient> restore) throws Exception {
        try (FuzzedClient client = new FuzzedClient(ProtocolVersion.V3_3, true)) {
            fuzz(client, "4.0", path, signedPath, action, restore);
        }
    }

    /**
     * @param action the call whose answer is mutated
     * @param restore what puts the client back after an accepted answer (outside the fuzzed call)
     */
    private void fuzz(ProtocolVersion version, String path, String signedPath, Fuzz.InputAction<FuzzedClient> action,
            Fuzz.InputAction<FuzzedClient> restore) throws Exception {
        try (FuzzedClient client = new FuzzedClient(version)) {
            fuzz(client, version.wireValue(), path, signedPath, action, restore);
        }
    }

    private void fuzz(FuzzedClient client, String version, String path, String signedPath,
            Fuzz.InputAction<FuzzedClient> action, Fuzz.InputAction<FuzzedClient> restore) throws Exception {
        {
            client.activate();
            client.tokens.requestAccessToken(KEPT, PowerAuthAuthentication.possession()).join();
            long[] mutated = {0};
            FuzzReport report = Fuzz.target("fuzz: services over HTTP, " + version + " " + path + " answers",
                            FuzzInputs.longs(), InvalidServerResponseException.class, ServerRejectedException.class)
                    .describedBy(seed -> "mutation seed " + seed)
                    .run(Reliability.pick(150, 1_500), seed -> {
                        client.clock.advanceMillis(10);
                        Map<String, SecretBytes> before = client.storage.snapshot(client.configuration.namespace());
                        Duration offset = client.time.offset();
                        long signedBefore = client.emulator.count(signedPath);
                        long syncsBefore = timeSources(client);
                        client.mutate(path, body -> {
                            mutated[0]++;
                            return mutate(body, new Random(seed));
                        });
                        try {
                            action.accept(client);
                        } catch (RuntimeException e) {
                            client.stopMutating();
                            // A genuine status or temporary key fetched during the call may move the clock.
                            boolean resynced = timeSources(client) != syncsBefore;
                            checkUnchanged(client, before, resynced ? null : offset,
                                    client.emulator.count(signedPath) - signedBefore);
                            throw e instanceof CompletionException ? (Exception) e.getCause() : e;
                        }
                        client.stopMutating();
                        try {
                            restore.accept(client);
                        } catch (Exception e) {
                            throw new AssertionError("restoring the client after an accepted answer failed", e);
                        }
                    });

            report.assertNoUntypedErrors();
            assertThat(mutated[0]).as("answers mutated").isPositive();
            assertThat(report.typedTotal()).isPositive();
        }
    }

    private static void checkUnchanged(FuzzedClient client, Map<String, SecretBytes> before, Duration offset,
            long signedRequests) {
        Map<String, SecretBytes> after = client.storage.snapshot(client.configuration.namespace());
        if (!after.keySet().equals(before.keySet())) {
            throw new AssertionError("a failed call changed the stored entries: " + before.keySet() + " -> "
                    + after.keySet());
        }
        for (String name : before.keySet()) {
            if (!name.equals(InstanceStore.ACTIVATION_ENTRY) && !after.get(name).sameBytesAs(before.get(name))) {
                throw new AssertionError("a failed call changed stored entry " + name);
            }
        }
        ActivationRecord was = ActivationRecord.decode(before.get(InstanceStore.ACTIVATION_ENTRY));
        ActivationRecord now = ActivationRecord.decode(after.get(InstanceStore.ACTIVATION_ENTRY));
        boolean advancedOnce = was.isV4() ? now.v4Counter().sameCounterAs(was.v4Counter().next())
                : now.counter().sameCounterAs(was.counter().next());
        boolean same = was.isV4() ? now.v4Counter().sameCounterAs(was.v4Counter())
                : now.counter().sameCounterAs(was.counter());
        if (signedRequests == 0 ? !same : signedRequests != 1 || !advancedOnce) {
            throw new AssertionError("the counter moved wrongly for " + signedRequests + " signed requests");
        }
        ActivationRecord rewound = was.isV4() ? now.withCounter(was.v4Counter()) : now.withCounter(was.counter());
        if (!rewound.encode().sameBytesAs(was.encode())) {
            throw new AssertionError("a failed call changed the activation record beyond its counter");
        }
        if (offset != null && !client.time.offset().equals(offset)) {
            throw new AssertionError("a rejected answer moved the time offset from " + offset + " to "
                    + client.time.offset());
        }
    }

    private static long timeSources(FuzzedClient client) {
        return client.emulator.count("/pa/v3/keystore/create") + client.emulator.count("/pa/v3/status")
                + client.emulator.count("/pa/v4/keystore/create") + client.emulator.count("/pa/v4/status");
    }

    private static byte[] mutate(byte[] body, Random random) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            return JsonMutations.mutate(tree, List.of(body), random);
        } catch (IOException | RuntimeException notJson) {
            return Mutations.mutate(body, List.of(body), random);
        }
    }
}
