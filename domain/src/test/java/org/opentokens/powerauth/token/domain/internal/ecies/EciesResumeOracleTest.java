package org.opentokens.powerauth.token.domain.internal.ecies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedResponse;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/**
 * An exported response context, resumed elsewhere, decrypts Wultra 1.10.0's response for every version and both
 * generic scopes; the exporter can decrypt nothing after handing it over, and a damaged context is refused.
 */
class EciesResumeOracleTest {
    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aResumedContextDecryptsWultrasResponse(ProtocolVersion version) throws Exception {
        SecureRandom random = WultraKeys.seeded(17L + version.ordinal());
        for (EciesEncryptorId id : new EciesEncryptorId[] {EciesEncryptorId.APPLICATION_SCOPE_GENERIC,
                EciesEncryptorId.ACTIVATION_SCOPE_GENERIC}) {
            EciesFixture f = new EciesFixture(version, id, random);
            EciesEncryptor ours = f.ourEncryptor(EphemeralKeyEncoding.COMPRESSED);
            EciesEncryptedRequest request = ours.encryptRequest(new byte[] {1, 2, 3}, random,
                    1_700_000_000_000L);
            ServerEncryptor server = f.theirServer();
            assertThat(server.decryptRequest(EciesFixture.toTheirs(request))).containsExactly(1, 2, 3);
            EncryptedResponse response = server.encryptResponse(new byte[] {9, 8, 7, 6});

            SecretBytes context = ours.exportAwaitingResponse();
            assertThatThrownBy(() -> ours.decryptResponse(EciesFixture.toOurs(response)))
                    .isInstanceOf(IllegalStateException.class);
            EciesEncryptor resumed = EciesEncryptor.resume(context);

            assertThat(resumed.decryptResponse(EciesFixture.toOurs(response))).as("%s %s", version, id)
                    .containsExactly(9, 8, 7, 6);
            assertThatThrownBy(() -> resumed.decryptResponse(EciesFixture.toOurs(response)))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aDamagedContextIsRefused() throws Exception {
        SecureRandom random = WultraKeys.seeded(5L);
        EciesFixture f = new EciesFixture(ProtocolVersion.V3_3, EciesEncryptorId.ACTIVATION_SCOPE_GENERIC, random);
        EciesEncryptor ours = f.ourEncryptor(EphemeralKeyEncoding.COMPRESSED);
        EciesEncryptedRequest request = ours.encryptRequest(new byte[] {1}, random, 1_700_000_000_000L);
        ServerEncryptor server = f.theirServer();
        server.decryptRequest(EciesFixture.toTheirs(request));
        EncryptedResponse response = server.encryptResponse(new byte[] {2});
        byte[] good = ours.exportAwaitingResponse().copyBytes(InsecureSecretAccess.get());

        assertThatThrownBy(() -> EciesEncryptor.resume(SecretBytes.takeOwnership(
                Arrays.copyOf(good, good.length - 1)))).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> EciesEncryptor.resume(SecretBytes.takeOwnership(
                Arrays.copyOf(good, good.length + 1)))).isInstanceOf(MalformedDataException.class);
        byte[] flipped = good.clone();
        flipped[40] ^= 1; // the first byte of KEY_MAC (after magic, version, KEY_ENC and their sizes)
        EciesEncryptor wrongKey = EciesEncryptor.resume(SecretBytes.takeOwnership(flipped));
        assertThatThrownBy(() -> wrongKey.decryptResponse(EciesFixture.toOurs(response)))
                .isInstanceOf(CryptoFailureException.class);
    }
}
