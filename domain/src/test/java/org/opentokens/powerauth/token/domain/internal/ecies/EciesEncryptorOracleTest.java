package org.opentokens.powerauth.token.domain.internal.ecies;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.encryptor.ClientEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import java.security.SecureRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/**
 * Conformance of {@link EciesEncryptor} with Wultra's powerauth-java-crypto 1.10.0: for every version, encryptor
 * ID and ephemeral-key encoding, Wultra's server decrypts our requests and we decrypt Wultra's responses.
 */
class EciesEncryptorOracleTest {
    private static final int ROUNDS = 6;

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    static Stream<Arguments> combinations() {
        Stream.Builder<Arguments> out = Stream.builder();
        for (ProtocolVersion v : ProtocolVersion.values()) {
            for (EciesEncryptorId id : EciesEncryptorId.values()) {
                for (EphemeralKeyEncoding e : EphemeralKeyEncoding.values()) {
                    out.add(Arguments.of(v, id, e));
                }
            }
        }
        return out.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void wultraServerDecryptsOurRequestAndWeDecryptItsResponse(ProtocolVersion version, EciesEncryptorId id,
                                                               EphemeralKeyEncoding encoding) throws Exception {
        SecureRandom random = WultraKeys.seeded(31L * version.ordinal() + 7L * id.ordinal() + encoding.ordinal());
        for (int round = 0; round < ROUNDS; round++) {
            EciesFixture f = new EciesFixture(version, id, random);
            byte[] requestPlain = EciesFixture.plaintext(random, round);
            byte[] responsePlain = EciesFixture.plaintext(random, round + 1);
            long timestamp = 1_600_000_000_000L + (random.nextLong() & 0xFFFFFFFFFFL);

            EciesEncryptor ours = f.ourEncryptor(encoding);
            EciesEncryptedRequest rq = ours.encryptRequest(requestPlain, random, timestamp);
            assertThat(B64.decode(rq.ephemeralPublicKey(), "k"))
                    .hasSize(encoding == EphemeralKeyEncoding.COMPRESSED ? 33 : 65);

            ServerEncryptor server = f.theirServer();
            assertThat(server.decryptRequest(EciesFixture.toTheirs(rq))).as("%s round %d", f, round)
                    .isEqualTo(requestPlain);

            EncryptedResponse rs = server.encryptResponse(responsePlain);
            assertThat(ours.decryptResponse(EciesFixture.toOurs(rs))).as("%s round %d", f, round)
                    .isEqualTo(responsePlain);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void ourRequestFieldsArePresentExactlyWhenWultrasClientSendsThem(ProtocolVersion version, EciesEncryptorId id,
                                                                    EphemeralKeyEncoding encoding) throws Exception {
        SecureRandom random = WultraKeys.seeded(1000L + 31L * version.ordinal() + 7L * id.ordinal() + encoding.ordinal());
        for (int round = 0; round < ROUNDS; round++) {
            EciesFixture f = new EciesFixture(version, id, random);
            byte[] plain = EciesFixture.plaintext(random, round);
            EciesEncryptedRequest ours = f.ourEncryptor(encoding).encryptRequest(plain, random, 1_700_000_000_000L);
            ClientEncryptor theirClient = f.theirClient();
            EncryptedRequest theirs = theirClient.encryptRequest(plain);

            assertThat(ours.temporaryKeyId()).isEqualTo(theirs.getTemporaryKeyId());
            assertThat(ours.nonce() == null).isEqualTo(theirs.getNonce() == null);
            assertThat(ours.timestamp() == null).isEqualTo(theirs.getTimestamp() == null);
            assertThat(ours.ephemeralPublicKey()).isNotNull();
            assertThat(B64.decode(ours.mac(), "mac")).hasSameSizeAs(B64.decode(theirs.getMac(), "mac"));
            assertThat(B64.decode(ours.encryptedData(), "data")).hasSameSizeAs(B64.decode(theirs.getEncryptedData(), "data"));
            if (ours.nonce() != null) {
                assertThat(B64.decode(ours.nonce(), "nonce")).hasSameSizeAs(B64.decode(theirs.getNonce(), "nonce"));
            }
            // Wultra's own validator accepts the shape of our envelope.
            assertThat(new io.getlime.security.powerauth.crypto.lib.encryptor.EncryptorFactory()
                    .getRequestResponseValidator(version.wireValue())
                    .validateEncryptedRequest(EciesFixture.toTheirs(ours))).isTrue();
        }
    }
}
