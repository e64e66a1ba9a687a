package org.opentokens.powerauth.token.domain.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.client.signature.PowerAuthClientSignature;
import io.getlime.security.powerauth.crypto.lib.config.SignatureConfiguration;
import io.getlime.security.powerauth.crypto.lib.generator.HashBasedCounter;
import io.getlime.security.powerauth.crypto.server.signature.PowerAuthServerSignature;
import io.getlime.security.powerauth.http.PowerAuthHttpBody;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Oracle: PowerAuthClientSignature, PowerAuthServerSignature, PowerAuthHttpBody, HashBasedCounter. */
class PowerAuthSignatureOracleTest {
    private static final int CASES_PER_COMBINATION = 50;
    private static final String[] URI_IDS = {"/pa/token/create", "/pa/activation/remove", "/pa/vault/unlock",
        "/pa/signature/validate", "/operation/authorize/ž€😀", ""};

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    static Stream<Arguments> versionsAndTypes() {
        return Stream.of(ProtocolVersion.values()).flatMap(v ->
                Stream.of(PowerAuthSignatureType.values()).map(t -> Arguments.of(v, t)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("versionsAndTypes")
    void wultraComputesTheSameSignatureAndTheServerAcceptsOurs(ProtocolVersion version, PowerAuthSignatureType type)
            throws Exception {
        SecureRandom random = Oracle.seeded(version.ordinal() * 100L + type.ordinal());
        PowerAuthClientSignature client = new PowerAuthClientSignature();
        PowerAuthServerSignature server = new PowerAuthServerSignature();
        SignatureConfiguration config = Oracle.config(version);
        HashBasedCounter counter = new HashBasedCounter();
        byte[] ctr = counter.init();
        for (int i = 0; i < CASES_PER_COMBINATION; i++) {
            SymmetricKey p = Oracle.key(random);
            SymmetricKey k = Oracle.key(random);
            SymmetricKey b = Oracle.key(random);
            List<SecretKey> theirKeys = Oracle.keys(type, p, k, b);
            byte[] data = randomBaseString(random, i);

            String ours = PowerAuthSignature.compute(type, SignatureKeys.of(p, k, b), ctr, data, version);

            assertThat(ours).isEqualTo(client.signatureForData(data, theirKeys, ctr, config));
            assertThat(server.verifySignatureForData(data, ours, theirKeys, ctr, config)).isTrue();
            byte[] next = counter.next(ctr);
            assertThat(server.verifySignatureForData(data, ours, theirKeys, next, config)).isFalse();
            ctr = next;
        }
    }

    @ParameterizedTest
    @EnumSource(PowerAuthSignatureType.class)
    void decimalSignaturesOfEveryComponentLengthMatchWultra(PowerAuthSignatureType type) throws Exception {
        SecureRandom random = Oracle.seeded(7000L + type.ordinal());
        PowerAuthClientSignature client = new PowerAuthClientSignature();
        PowerAuthServerSignature server = new PowerAuthServerSignature();
        for (int i = 0; i < 4 * CASES_PER_COMBINATION; i++) {
            int length = 4 + i % 5;
            SymmetricKey p = Oracle.key(random);
            SymmetricKey k = Oracle.key(random);
            SymmetricKey b = Oracle.key(random);
            byte[] ctr = Oracle.bytes(random, 16);
            byte[] data = randomBaseString(random, i);
            SignatureConfiguration config = SignatureConfiguration.decimal(length);

            String ours = PowerAuthSignature.compute(type, SignatureKeys.of(p, k, b), ctr, data,
                    SignatureFormat.DECIMAL, length);

            List<SecretKey> theirKeys = Oracle.keys(type, p, k, b);
            assertThat(ours).isEqualTo(client.signatureForData(data, theirKeys, ctr, config));
            assertThat(server.verifySignatureForData(data, ours, theirKeys, ctr, config)).isTrue();
        }
    }

    @Test
    void rejectsCounterDataThatIsNot16Bytes() {
        SignatureKeys keys = SignatureKeys.possessionOnly(SymmetricKey.of(new byte[16]));
        for (int len : new int[] {0, 8, 15, 17, 32}) {
            assertThatThrownBy(() -> PowerAuthSignature.compute(PowerAuthSignatureType.POSSESSION, keys,
                    new byte[len], new byte[1], SignatureFormat.BASE64))
                    .isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void rejectsDecimalComponentLengthOutside4To8() {
        SignatureKeys keys = SignatureKeys.possessionOnly(SymmetricKey.of(new byte[16]));
        for (int len : new int[] {-1, 0, 3, 9, 10}) {
            assertThatThrownBy(() -> PowerAuthSignature.compute(PowerAuthSignatureType.POSSESSION, keys,
                    new byte[16], new byte[1], SignatureFormat.DECIMAL, len))
                    .isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void rejectsSignatureTypeWhoseFactorKeyIsMissing() {
        SignatureKeys keys = SignatureKeys.possessionOnly(SymmetricKey.of(new byte[16]));
        assertThatThrownBy(() -> PowerAuthSignature.compute(PowerAuthSignatureType.POSSESSION_KNOWLEDGE, keys,
                new byte[16], new byte[1], ProtocolVersion.V3_3))
                .isInstanceOf(SignatureFactorMissingException.class);
    }

    /** A realistic base string, built by Wultra's PowerAuthHttpBody, or plain random bytes. */
    static byte[] randomBaseString(SecureRandom random, int i) {
        if (i % 5 == 4) {
            return Oracle.bytes(random, random.nextInt(300));
        }
        String uriId = URI_IDS[random.nextInt(URI_IDS.length)];
        byte[] body = i % 3 == 0 ? null : Oracle.bytes(random, random.nextInt(200));
        String appSecret = Base64.getEncoder().encodeToString(Oracle.bytes(random, 16));
        String text = PowerAuthHttpBody.getSignatureBaseString("POST", uriId, Oracle.bytes(random, 16), body)
                + "&" + appSecret;
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
