package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.keys.ActivationKeys;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureKeys;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.internal.token.TokenSecret;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.domain.server.AuthorizationHeaderParser;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthToken;
import org.opentokens.powerauth.token.testing.Reliability;
import org.opentokens.powerauth.token.wiring.InMemoryStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;

/**
 * Hostile probes for the scan: secret-bearing values built on purpose and printed, bad input that contains a
 * secret fed to every parser that could echo it, and typed client failures. Each probe checks its own output at
 * once; everything also goes to {@link SecretRegistry} for the final scan.
 */
@Tag("reliability")
class LeakProbesTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<String> texts = new ArrayList<>();
    private final HygieneBed bed = new HygieneBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void secretBearingValuesPrintNoSecret() {
        byte[] key = secret(16);
        byte[] token = secret(16);
        byte[] counter = secret(16);
        byte[] biometry = secret(16);
        String password = "probe-password-" + HexFormat.of().formatHex(secret(6));
        SecretRegistry.text("probe password", password);
        SymmetricKey master = SymmetricKey.of(secret(16));
        ActivationKeys derived = ActivationKeys.derive(master);
        TokenSecret tokenSecret = TokenSecret.of(token);
        TokenHeader header = TokenHeader.generate(TokenId.of("8f4c2a3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"), tokenSecret,
                ProtocolVersion.V3_3, secret(16), 1_700_000_000_000L);
        SecretRegistry.header(header.value());

        List<Object> values = List.of(SymmetricKey.of(key), tokenSecret, HashCounter.of(counter),
                SecretBytes.copyOf(key), master, derived,
                SignatureKeys.of(derived.possession(), derived.knowledge(), derived.biometry()),
                TokenRecord.of("probe", TokenId.of("8f4c2a3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"), tokenSecret, "act-1",
                        PowerAuthSignatureType.POSSESSION, 1L),
                header, new PowerAuthAuthorizationHttpHeader(TokenHeader.HEADER_NAME, header.value()),
                PowerAuthAuthentication.possessionWithPasswordAndBiometry(password.toCharArray(), biometry),
                new PowerAuthToken("probe", TokenId.of("8f4c2a3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"),
                        PowerAuthSignatureType.POSSESSION, "act-1"),
                bed.config("probe", ProtocolVersion.V3_3));
        for (byte[] s : List.of(key, token, counter, biometry)) {
            SecretRegistry.bytes("probe secret", s);
        }
        SecretRegistry.walk(values.toArray());
        values.forEach(v -> texts.add(String.valueOf(v)));

        assertNoSecretIn(values.size() + " secret-bearing values");
    }

    @Test
    void parsersRejectInputContainingASecretWithoutEchoingIt() {
        byte[] token = secret(16);
        String tokenB64 = Base64.getEncoder().encodeToString(token);
        SecretRegistry.bytes("probe secret", token);
        TokenHeader header = TokenHeader.generate(TokenId.of("8f4c2a3e-5b6d-4e7f-8a9b-0c1d2e3f4a5b"),
                TokenSecret.of(token), ProtocolVersion.V3_3, secret(16), 1_700_000_000_000L);
        String value = header.value();
        SecretRegistry.header(value);
        String longer = Base64.getEncoder().encodeToString(secret(17));
        SecretRegistry.text("probe secret", longer);

        List<ThrowingCallable> probes = List.of(
                () -> TokenHeaderParser.parse(value.replace("version=\"3.3\"", "version=\"9.9\"")),
                () -> TokenHeaderParser.parse(value.replace("token_digest=\"", "token_digest=\"!")),
                () -> TokenHeaderParser.parse(value.replace("nonce=\"", "nonce=\"" + tokenB64)),
                () -> TokenHeaderParser.parse(value.substring(0, value.length() - 3)),
                () -> TokenSecret.fromBase64(longer),
                () -> TokenSecret.fromBase64(tokenB64 + "*"),
                () -> SymmetricKey.fromBase64(longer),
                () -> SymmetricKey.fromBase64("*" + tokenB64),
                () -> HashCounter.fromBase64(longer),
                () -> AuthorizationHeaderParser.parse("PowerAuth pa_signature=\"" + tokenB64 + "\", garbage"),
                () -> bed.config("probe", ProtocolVersion.V3_3).toString().concat(PowerAuthClientConfig.builder(
                        bed.baseUri, bed.application.appKey(), longer, bed.application.masterServerPublicKey())
                        .build().toString()));
        int typed = 0;
        for (ThrowingCallable probe : probes) {
            Throwable failure = catchThrowable(probe);
            assertThat(failure).as("probe %d fails", typed).isNotNull();
            assertThat(failure).as("probe %d: a typed error", typed).isInstanceOf(PowerAuthClientException.class);
            SecretRegistry.exception(failure);
            texts.add(trace(failure));
            typed++;
        }
        Throwable misuse = catchThrowable(() -> PowerAuthAuthentication.possessionWithBiometry(secret(17)));
        assertThat(misuse).as("a host programming error").isInstanceOf(IllegalArgumentException.class);
        SecretRegistry.exception(misuse);
        texts.add(trace(misuse));
        assertNoSecretIn(typed + " parser rejections and a misuse");
    }

    @Test
    void typedClientFailuresCarryNoSecret() {
        PowerAuthClient client = bed.client(bed.config("probe", ProtocolVersion.V3_3), new InMemoryStorageModule());
        bed.activate(client);
        client.tokenStore().requestAccessToken("t", HygieneBed.password()).join();
        bed.useHeader(client.tokenStore().generateHeaderForToken("t"));

        List<Throwable> failures = new ArrayList<>();
        failures.add(catchThrowable(() -> client.tokenStore().generateHeaderForToken("missing")));
        failures.add(HygieneBed.failure(client.tokenStore().requestAccessToken("t",
                PowerAuthAuthentication.possession())));
        failures.add(HygieneBed.failure(client.tokenStore().requestAccessToken("u",
                PowerAuthAuthentication.possessionWithPassword("probe-wrong-password-77".toCharArray()))));
        failures.add(catchThrowable(() -> client.activation().commitActivation(
                PowerAuthAuthentication.commitWithPassword(HygieneBed.PASSWORD.toCharArray()))));
        failures.add(HygieneBed.failure(client.tokenStore().requestAccessToken("v",
                PowerAuthAuthentication.possessionWithBiometry(secret(16)))));
        SecretRegistry.text("probe password", "probe-wrong-password-77");
        for (Throwable failure : failures) {
            assertThat(failure).isInstanceOf(PowerAuthClientException.class);
            SecretRegistry.exception(failure);
            texts.add(trace(failure));
        }
        SecretRegistry.walk(client);
        assertNoSecretIn(failures.size() + " client failures");
    }

    private void assertNoSecretIn(String what) {
        SecretScanner scanner = new SecretScanner(SecretRegistry.forms());
        List<SecretScanner.Hit> hits = scanner.scan("probes", String.join("\n", texts));
        Reliability.record("hygiene: leak probes, " + what, texts.size() + " texts ("
                + texts.stream().mapToInt(String::length).sum() + " chars) against " + scanner.formCount()
                + " secret spellings, " + hits.size() + " hits");
        assertThat(texts).isNotEmpty();
        assertThat(hits).isEmpty();
    }

    private static String trace(Throwable failure) {
        java.io.StringWriter out = new java.io.StringWriter();
        failure.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }

    private static byte[] secret(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
