package org.opentokens.powerauth.token.domain.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.getlime.security.powerauth.http.PowerAuthSignatureHttpHeader;
import io.getlime.security.powerauth.http.validator.InvalidPowerAuthHttpHeaderException;
import io.getlime.security.powerauth.http.validator.PowerAuthSignatureHttpHeaderValidator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;
import org.opentokens.powerauth.token.domain.server.AuthorizationHeaderParser;

/** Oracle: PowerAuthSignatureHttpHeader (build and fromValue) and PowerAuthSignatureHttpHeaderValidator. */
class AuthorizationHeaderTest {
    private static final int CASES = 500;
    private static final String ACTIVATION_ID = "c564e700-7e86-4a87-b6c8-a5a0cc89683f";
    private static final String APP_KEY = "w4rK3VQxT1SI6b7Hfgq+Mw==";
    private static final String NONCE = "bqrDhNM4UCKL1ZyKsZkFRw==";
    private static final String SIGNATURE = "5fUHYIb8rDLwvT8eT2Hx0w==";

    @Test
    void wultraParsesAndValidatesOurHeaders() throws Exception {
        SecureRandom random = Oracle.seeded(91);
        for (int i = 0; i < CASES; i++) {
            AuthorizationHeader ours = randomHeader(random, i);

            PowerAuthSignatureHttpHeader theirs = new PowerAuthSignatureHttpHeader().fromValue(ours.value());

            PowerAuthSignatureHttpHeaderValidator.validate(theirs);
            assertThat(theirs.getVersion()).isEqualTo(ours.version().wireValue());
            assertThat(theirs.getActivationId()).isEqualTo(ours.activationId());
            assertThat(theirs.getApplicationKey()).isEqualTo(ours.applicationKey());
            assertThat(theirs.getNonce()).isEqualTo(ours.nonceBase64());
            assertThat(Base64.getDecoder().decode(theirs.getNonce())).isEqualTo(ours.nonce());
            assertThat(theirs.getSignatureType()).isEqualTo(ours.signatureType().wireValue());
            assertThat(theirs.getSignature()).isEqualTo(ours.signature());
        }
    }

    @Test
    void weParseHeadersWultraBuilds() {
        SecureRandom random = Oracle.seeded(92);
        for (int i = 0; i < CASES; i++) {
            AuthorizationHeader source = randomHeader(random, i);
            String value = new PowerAuthSignatureHttpHeader(source.activationId(), source.applicationKey(),
                    source.signature(), source.signatureType().wireValue(), source.nonceBase64(),
                    source.version().wireValue()).buildHttpHeader();

            AuthorizationHeader parsed = AuthorizationHeaderParser.parse(value);

            assertThat(parsed.value()).isEqualTo(source.value());
        }
    }

    @Test
    void everyMutatedHeaderWeAcceptPassesWultraValidationWithTheSameFields() {
        SecureRandom random = Oracle.seeded(93);
        String alphabet = "aZ09+/=\"-_ ,.\t";
        int rejected = 0;
        for (int i = 0; i < CASES * 4; i++) {
            StringBuilder sb = new StringBuilder(randomHeader(random, i).value());
            for (int m = 1 + random.nextInt(3); m > 0; m--) {
                int pos = random.nextInt(sb.length());
                switch (random.nextInt(3)) {
                    case 0 -> sb.deleteCharAt(pos);
                    case 1 -> sb.insert(pos, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> sb.setCharAt(pos, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String value = sb.toString();
            AuthorizationHeader ours;
            try {
                ours = AuthorizationHeaderParser.parse(value);
            } catch (MalformedDataException e) {
                rejected++;
                assertThat(e.getMessage()).doesNotContain(value);
                continue;
            }
            PowerAuthSignatureHttpHeader theirs = new PowerAuthSignatureHttpHeader().fromValue(value);
            assertThatCode(() -> PowerAuthSignatureHttpHeaderValidator.validate(theirs))
                    .as("mutated header #%d", i).doesNotThrowAnyException();
            assertThat(theirs.getSignature()).isEqualTo(ours.signature());
            assertThat(theirs.getNonce()).isEqualTo(ours.nonceBase64());
            assertThat(theirs.getApplicationKey()).isEqualTo(ours.applicationKey());
            assertThat(theirs.getActivationId()).isEqualTo(ours.activationId());
        }
        assertThat(rejected).isGreaterThan(CASES);
    }

    @Test
    void acceptsAnyFieldOrderCommasOrSpacesAndUnknownFields() {
        String value = "PowerAuth pa_signature=\"" + SIGNATURE + "\" pa_nonce=\"" + NONCE + "\",pa_extra=\"x\", "
                + "pa_signature_type=\"possession\" , pa_application_key=\"" + APP_KEY + "\" pa_activation_id=\""
                + ACTIVATION_ID + "\" pa_version=\"3.1\"";
        AuthorizationHeader parsed = AuthorizationHeaderParser.parse("  " + value + " ");
        assertThat(parsed.version()).isEqualTo(ProtocolVersion.V3_1);
        assertThat(parsed.signature()).isEqualTo(SIGNATURE);
        assertThat(parsed.signatureType()).isEqualTo(PowerAuthSignatureType.POSSESSION);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "pa_activation_id=\"not-a-uuid\"",
        "pa_activation_id=\"c564e700-7e86-6a87-b6c8-a5a0cc89683f\"",
        "pa_activation_id=\"c564e700-7e86-4a87-c6c8-a5a0cc89683f\"",
        "pa_application_key=\"AAAA\"",
        "pa_application_key=\"w4rK3VQxT1SI6b7Hfgq+Mw=\"",
        "pa_nonce=\"bqrDhNM4UCKL1ZyKsZkFRwAA\"",
        "pa_nonce=\"!!!!!!!!!!!!!!!!!!!!!!!!\"",
        "pa_signature_type=\"possession_possession\"",
        "pa_signature=\"1234567\"",
        "pa_signature=\"1234567a\"",
        "pa_signature=\"12345678-1234567\"",
        "pa_signature=\"12345678_12345678\"",
        "pa_signature=\"5fUHYIb8rDLwvT8eT2Hx0w=!\"",
        "pa_signature=\"5fUHYIb8rDLwvT8eT2Hx0w==5fUHYIb8rDLwvT8eT2Hx0w==\"",
        "pa_version=\"3.4\"",
        "pa_version=\"2.1\"",
    })
    void rejectsHeadersTheServerValidatorRejects(String replacement) {
        String field = replacement.substring(0, replacement.indexOf('='));
        String value = validHeader().replaceFirst(field + "=\"[^\"]*\"", replacement);
        assertThat(value).contains(replacement);
        PowerAuthSignatureHttpHeader theirs = new PowerAuthSignatureHttpHeader().fromValue(value);
        assertThatThrownBy(() -> PowerAuthSignatureHttpHeaderValidator.validate(theirs))
                .isInstanceOf(InvalidPowerAuthHttpHeaderException.class);
        assertThatThrownBy(() -> AuthorizationHeaderParser.parse(value))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageNotContaining(value)
                .hasMessageNotContaining(SIGNATURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pa_version", "pa_activation_id", "pa_application_key", "pa_nonce", "pa_signature_type",
        "pa_signature"})
    void rejectsHeaderMissingAField(String field) {
        String value = validHeader().replaceFirst(",? ?" + field + "=\"[^\"]*\"", "");
        assertThat(value).doesNotContain(field + "=");
        assertThatThrownBy(() -> AuthorizationHeaderParser.parse(value)).isInstanceOf(MalformedDataException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "PowerAuth", "Bearer abc", "PowerAuthpa_version=\"3.3\"",
        "PowerAuth pa_version=\"3.3\" garbage", "PowerAuth pa_version=3.3", "PowerAuth pa_version=\"3.3"})
    void rejectsStructurallyMalformedHeaders(String value) {
        assertThatThrownBy(() -> AuthorizationHeaderParser.parse(value)).isInstanceOf(MalformedDataException.class);
    }

    /**
     * Found by the reliability fuzzing: the regex pair search backtracked over every start position of a long run
     * of word characters, so a 1 MB header took hours. The timeout only guards against that hang; the linear
     * parser needs milliseconds.
     */
    @Test
    void rejectsAMegabyteOfWordCharactersInOnePassInsteadOfBacktracking() {
        String hostile = "PowerAuth " + "a".repeat(1_000_000);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> AuthorizationHeaderParser.parse(hostile)).isInstanceOf(MalformedDataException.class));
    }

    @Test
    void rejectsRepeatedField() {
        String value = validHeader() + ", pa_signature=\"" + SIGNATURE + "\"";
        assertThatThrownBy(() -> AuthorizationHeaderParser.parse(value)).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void ofRejectsValuesTheServerWouldReject() {
        byte[] nonce = Base64.getDecoder().decode(NONCE);
        PowerAuthSignatureType t = PowerAuthSignatureType.POSSESSION;
        ProtocolVersion v = ProtocolVersion.V3_3;
        assertThatThrownBy(() -> AuthorizationHeader.of(v, ACTIVATION_ID, APP_KEY, new byte[15], t, SIGNATURE))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> AuthorizationHeader.of(v, "abc", APP_KEY, nonce, t, SIGNATURE))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> AuthorizationHeader.of(v, ACTIVATION_ID, "AAAA", nonce, t, SIGNATURE))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> AuthorizationHeader.of(v, ACTIVATION_ID, APP_KEY, nonce, t, "123"))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void toStringDoesNotPrintTheSignatureOrTheWholeHeader() {
        AuthorizationHeader header = AuthorizationHeaderParser.parse(validHeader());
        assertThat(header.toString()).doesNotContain(SIGNATURE).doesNotContain(header.value()).contains("redacted");
        assertThat(AuthorizationHeader.HEADER_NAME).isEqualTo(PowerAuthSignatureHttpHeader.HEADER_NAME);
    }

    @Test
    void exceptionsAreInTheLibraryHierarchy() {
        assertThatThrownBy(() -> AuthorizationHeaderParser.parse("PowerAuth x=\"y\""))
                .isInstanceOf(PowerAuthClientException.class);
    }

    private static String validHeader() {
        return "PowerAuth pa_version=\"3.3\", pa_activation_id=\"" + ACTIVATION_ID + "\", pa_application_key=\""
                + APP_KEY + "\", pa_nonce=\"" + NONCE + "\", pa_signature_type=\"possession\", pa_signature=\""
                + SIGNATURE + "\"";
    }

    /** A header with a real signature of the format its version uses. */
    private static AuthorizationHeader randomHeader(SecureRandom random, int i) {
        ProtocolVersion version = ProtocolVersion.values()[i % ProtocolVersion.values().length];
        PowerAuthSignatureType type = PowerAuthSignatureType.values()[random.nextInt(6)];
        SignatureKeys keys = SignatureKeys.of(Oracle.key(random), Oracle.key(random), Oracle.key(random));
        byte[] nonce = Oracle.bytes(random, 16);
        String appKey = Base64.getEncoder().encodeToString(Oracle.bytes(random, 16));
        String activationId = new UUID(random.nextLong(), random.nextLong()).toString();
        activationId = activationId.substring(0, 14) + "4" + activationId.substring(15, 19) + "a"
                + activationId.substring(20);
        if (i % 7 == 0) {
            activationId = activationId.toUpperCase();
        }
        byte[] data = SignatureBaseString.forBody("POST", "/pa/token/create", nonce, Oracle.bytes(random, 40),
                appKey);
        String signature = PowerAuthSignature.compute(type, keys, Oracle.bytes(random, 16), data, version);
        return AuthorizationHeader.of(version, activationId, appKey, nonce, type, signature);
    }

}
