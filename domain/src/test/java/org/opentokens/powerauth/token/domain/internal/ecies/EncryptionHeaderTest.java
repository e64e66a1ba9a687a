package org.opentokens.powerauth.token.domain.internal.ecies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorScope;
import io.getlime.security.powerauth.http.PowerAuthEncryptionHttpHeader;
import io.getlime.security.powerauth.http.validator.PowerAuthEncryptionHttpHeaderValidator;
import java.security.SecureRandom;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.EciesScope;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.server.EncryptionHeaderParser;

/** {@code X-PowerAuth-Encryption}: Wultra parses and validates ours, we parse Wultra's, bad headers are typed errors. */
class EncryptionHeaderTest {
    private static final SecureRandom RANDOM = WultraKeys.seeded(777);
    private static final String APP_KEY = B64.encode(new byte[16]);
    private static final String ACTIVATION_ID = "9b1c4d2e-8f3a-4b5c-9d6e-7f8091a2b3c4";

    private static String randomUuid() {
        return UUID.nameUUIDFromBytes(EciesFixture.bytes(RANDOM, 16)).toString();
    }

    @RepeatedTest(200)
    void wultraParsesAndValidatesOurHeaderAndWeParseWultras() throws Exception {
        ProtocolVersion v = ProtocolVersion.values()[RANDOM.nextInt(4)];
        String appKey = B64.encode(EciesFixture.bytes(RANDOM, 16));
        String activationId = RANDOM.nextBoolean() ? randomUuid() : null;
        EciesScope scope = activationId == null ? EciesScope.APPLICATION : EciesScope.ACTIVATION;
        EncryptorScope theirScope = EncryptorScope.valueOf(scope.name() + "_SCOPE");

        EncryptionHeader ours = new EncryptionHeader(v, appKey, activationId);
        PowerAuthEncryptionHttpHeader parsed = new PowerAuthEncryptionHttpHeader().fromValue(ours.value());
        PowerAuthEncryptionHttpHeaderValidator.validate(parsed, theirScope);
        assertThat(parsed.getVersion()).isEqualTo(v.wireValue());
        assertThat(parsed.getApplicationKey()).isEqualTo(appKey);
        assertThat(parsed.getActivationId()).isEqualTo(activationId);

        String theirs = activationId == null
                ? new PowerAuthEncryptionHttpHeader(appKey, v.wireValue()).buildHttpHeader()
                : new PowerAuthEncryptionHttpHeader(appKey, activationId, v.wireValue()).buildHttpHeader();
        assertThat(EncryptionHeaderParser.parse(theirs, scope)).isEqualTo(ours);
        assertThat(EncryptionHeaderParser.parse(ours.value(), scope)).isEqualTo(ours);
    }

    @RepeatedTest(20)
    void buildsTheHeaderForEciesParameters() {
        String id = randomUuid();
        EciesParameters p = new EciesParameters(ProtocolVersion.V3_3, APP_KEY, id, "tk-1");
        EncryptionHeader h = EncryptionHeader.of(p);
        assertThat(h.value()).startsWith("PowerAuth version=\"3.3\"").contains("activation_id=\"" + id + "\"");
        assertThat(h.scope()).isEqualTo(EciesScope.ACTIVATION);
        assertThatCode(() -> PowerAuthEncryptionHttpHeaderValidator.validate(
                new PowerAuthEncryptionHttpHeader().fromValue(h.value()), EncryptorScope.ACTIVATION_SCOPE))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "Bearer version=\"3.3\", application_key=\"AAAAAAAAAAAAAAAAAAAAAA==\"",
        "PowerAuth application_key=\"AAAAAAAAAAAAAAAAAAAAAA==\"",
        "PowerAuth version=\"3.3\"",
        "PowerAuth version=\"3.9\", application_key=\"AAAAAAAAAAAAAAAAAAAAAA==\"",
        "PowerAuth version=\"3.3\", application_key=\"AAAAAAAAAAAAAAAAAAAA\"",
        "PowerAuth version=\"3.3\", application_key=\"not*base64*at*all*!!!==\"",
        "PowerAuth version=\"3.3\", application_key=\"AAAAAAAAAAAAAAAAAAAAAA==\", activation_id=\"not-a-uuid\"",
        "PowerAuth version=\"3.3\", version=\"3.2\", application_key=\"AAAAAAAAAAAAAAAAAAAAAA==\"",
        "PowerAuth version=\"3.3\"; application_key=\"AAAAAAAAAAAAAAAAAAAAAA==\"",
        "PowerAuth version=\"3.3\", application_key=\"AAAAAAAAAAAAAAAAAAAAAA==",
    })
    void rejectsMalformedHeaderWithoutEchoingIt(String value) {
        assertThatThrownBy(() -> EncryptionHeader.parse(value))
                .isInstanceOf(MalformedDataException.class)
                .satisfies(e -> {
                    if (!value.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(value);
                    }
                });
    }

    @RepeatedTest(20)
    void requiresActivationIdExactlyForActivationScope() {
        String app = new EncryptionHeader(ProtocolVersion.V3_3, APP_KEY, null).value();
        String act = new EncryptionHeader(ProtocolVersion.V3_3, APP_KEY, randomUuid()).value();
        assertThatThrownBy(() -> EncryptionHeaderParser.parse(app, EciesScope.ACTIVATION))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("required");
        assertThatThrownBy(() -> EncryptionHeaderParser.parse(act, EciesScope.APPLICATION))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("not allowed");
        assertThat(EncryptionHeaderParser.parse(act, EciesScope.ACTIVATION).scope()).isEqualTo(EciesScope.ACTIVATION);
    }

    @RepeatedTest(10)
    void acceptsFieldsInAnyOrderSeparatedBySpaces() {
        String value = "PowerAuth activation_id=\"" + ACTIVATION_ID + "\" application_key=\"" + APP_KEY
                + "\" version=\"3.2\"";
        assertThat(EncryptionHeaderParser.parse(value, EciesScope.ACTIVATION))
                .isEqualTo(new EncryptionHeader(ProtocolVersion.V3_2, APP_KEY, ACTIVATION_ID));
    }
}
