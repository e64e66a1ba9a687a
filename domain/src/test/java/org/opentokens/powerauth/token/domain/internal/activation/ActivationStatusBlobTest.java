package org.opentokens.powerauth.token.domain.internal.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.model.ActivationStatusBlobInfo;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.crypto.lib.util.KeyDerivationUtils;
import io.getlime.security.powerauth.crypto.server.activation.PowerAuthServerActivation;
import java.util.Base64;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.StatusBlobException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors.Vector;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Status blob IV and decryption, against the published vectors and Wultra's server-side encryption. */
class ActivationStatusBlobTest {
    private static final PowerAuthServerActivation SERVER = new PowerAuthServerActivation();
    private static final KeyConvertor CONVERTOR = new KeyConvertor();

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    static Stream<Vector> ivVectors() {
        return TestVectors.load("activation-status-blob-iv.json").stream();
    }

    static Stream<Vector> dataVectors() {
        return TestVectors.load("activation-status-blob-data.json").stream();
    }

    @ParameterizedTest
    @MethodSource("ivVectors")
    void derivesEveryPublishedStatusIv(Vector v) {
        SymmetricKey transport = SymmetricKey.fromBase64(v.in("transportKey"));
        assertThat(ActivationStatusBlob.statusIv(transport, v.inBytes("challenge"), v.inBytes("nonce")))
                .isEqualTo(v.outBytes("iv"));
    }

    @ParameterizedTest
    @MethodSource("dataVectors")
    void decryptsEveryPublishedStatusBlob(Vector v) {
        ActivationStatusBlob blob = ActivationStatusBlob.decrypt(v.inBytes("encryptedStatusBlob"),
                SymmetricKey.fromBase64(v.in("transportKey")), v.inBytes("challenge"), v.inBytes("nonce"));

        assertThat(blob.state().code()).isEqualTo(Integer.parseInt(v.out("activationStatus")));
        assertThat(blob.currentVersion()).isEqualTo(Integer.parseInt(v.out("currentVersion")));
        assertThat(blob.upgradeVersion()).isEqualTo(Integer.parseInt(v.out("upgradeVersion")));
        assertThat(blob.failedAttempts()).isEqualTo(Integer.parseInt(v.out("failedAttempts")));
        assertThat(blob.maxFailedAttempts()).isEqualTo(Integer.parseInt(v.out("maxFailedAttempts")));
        assertThat(blob.ctrLookAhead()).isEqualTo(Integer.parseInt(v.out("ctrLookAhead")));
        assertThat(blob.ctrByte()).isEqualTo(Integer.parseInt(v.out("ctrByte")));
        assertThat(blob.ctrDataHash()).isEqualTo(v.out("ctrDataHash"));
    }

    @Test
    void statusIvEqualsWultraInBothNullAndRandomForms() throws Exception {
        Random random = new Random(3000);
        KeyDerivationUtils theirs = new KeyDerivationUtils();
        for (int i = 0; i < 300; i++) {
            byte[] key = bytes(random, 16);
            byte[] challenge = bytes(random, 16);
            byte[] nonce = bytes(random, 16);
            SecretKey theirKey = CONVERTOR.convertBytesToSharedSecretKey(key);
            assertThat(ActivationStatusBlob.statusIv(SymmetricKey.of(key), challenge, nonce))
                    .isEqualTo(theirs.deriveIvForStatusBlobEncryption(challenge, nonce, theirKey));
            assertThat(ActivationStatusBlob.statusIv(SymmetricKey.of(key), null, null))
                    .isEqualTo(theirs.deriveIvForStatusBlobEncryption(null, null, theirKey));
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void decryptsRandomBlobsWultraEncrypts(ProtocolVersion version) throws Exception {
        Random random = new Random(version.ordinal() * 7919L + 1);
        boolean withChallenge = version != ProtocolVersion.V3_0;
        for (int i = 0; i < 300; i++) {
            byte[] key = bytes(random, 16);
            byte[] challenge = withChallenge ? bytes(random, 16) : null;
            byte[] nonce = withChallenge ? bytes(random, 16) : null;
            ActivationStatusBlobInfo info = randomInfo(random);

            byte[] encrypted = SERVER.encryptedStatusBlob(info, challenge, nonce,
                    CONVERTOR.convertBytesToSharedSecretKey(key));
            ActivationStatusBlob blob = ActivationStatusBlob.decrypt(encrypted, SymmetricKey.of(key), challenge, nonce);

            assertThat(blob.state().code()).isEqualTo(info.getActivationStatus());
            assertThat(blob.currentVersion()).isEqualTo(info.getCurrentVersion() & 0xFF);
            assertThat(blob.upgradeVersion()).isEqualTo(info.getUpgradeVersion() & 0xFF);
            assertThat(blob.failedAttempts()).isEqualTo(info.getFailedAttempts() & 0xFF);
            assertThat(blob.maxFailedAttempts()).isEqualTo(info.getMaxFailedAttempts() & 0xFF);
            if (withChallenge) {
                assertThat(blob.ctrByte()).isEqualTo(info.getCtrByte() & 0xFF);
                assertThat(blob.ctrLookAhead()).isEqualTo(info.getCtrLookAhead() & 0xFF);
                assertThat(blob.ctrDataHashBytes()).isEqualTo(info.getCtrDataHash());
            }
        }
    }

    @Test
    void rejectsBlobsOfWrongLength() {
        SymmetricKey key = SymmetricKey.of(new byte[16]);
        for (int length : new int[] {0, 16, 31, 33, 48, 64}) {
            assertThatThrownBy(() -> ActivationStatusBlob.decrypt(new byte[length], key, new byte[16], new byte[16]))
                    .isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void rejectsWrongTransportKeyChallengeOrNonce() throws Exception {
        Random random = new Random(404);
        for (int i = 0; i < 100; i++) {
            byte[] key = bytes(random, 16);
            byte[] challenge = bytes(random, 16);
            byte[] nonce = bytes(random, 16);
            byte[] encrypted = SERVER.encryptedStatusBlob(randomInfo(random), challenge, nonce,
                    CONVERTOR.convertBytesToSharedSecretKey(key));
            SymmetricKey right = SymmetricKey.of(key);
            SymmetricKey wrong = SymmetricKey.of(bytes(random, 16));

            assertThatThrownBy(() -> ActivationStatusBlob.decrypt(encrypted, wrong, challenge, nonce))
                    .isInstanceOf(StatusBlobException.class);
            assertThatThrownBy(() -> ActivationStatusBlob.decrypt(encrypted, right, bytes(random, 16), nonce))
                    .isInstanceOf(StatusBlobException.class);
            assertThatThrownBy(() -> ActivationStatusBlob.decrypt(encrypted, right, null, null))
                    .isInstanceOf(StatusBlobException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 127, 255})
    void rejectsUnknownStateByte(int state) throws Exception {
        Random random = new Random(state);
        byte[] key = bytes(random, 16);
        ActivationStatusBlobInfo info = randomInfo(random);
        info.setActivationStatus((byte) state);
        byte[] encrypted = SERVER.encryptedStatusBlob(info, null, null, CONVERTOR.convertBytesToSharedSecretKey(key));

        assertThatThrownBy(() -> ActivationStatusBlob.decrypt(encrypted, SymmetricKey.of(key), null, null))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("state");
    }

    @Test
    void rejectsHalfOrWrongSizedChallengeAndNonce() {
        SymmetricKey key = SymmetricKey.of(new byte[16]);
        byte[] blob = new byte[32];
        assertThatThrownBy(() -> ActivationStatusBlob.decrypt(blob, key, new byte[16], null))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> ActivationStatusBlob.decrypt(blob, key, null, new byte[16]))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> ActivationStatusBlob.statusIv(key, new byte[15], new byte[16]))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> ActivationStatusBlob.statusIv(key, new byte[16], new byte[17]))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void errorsDoNotRevealTheTransportKey() throws Exception {
        Random random = new Random(7);
        byte[] key = bytes(random, 16);
        byte[] encrypted = SERVER.encryptedStatusBlob(randomInfo(random), bytes(random, 16), bytes(random, 16),
                CONVERTOR.convertBytesToSharedSecretKey(key));
        assertThatThrownBy(() -> ActivationStatusBlob.decrypt(encrypted, SymmetricKey.of(key), bytes(random, 16),
                bytes(random, 16)))
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain(Base64.getEncoder().encodeToString(key))
                        .doesNotContain(Base64.getEncoder().encodeToString(encrypted)));
    }

    @Test
    void derivedHelpersFollowTheFields() {
        String hash = Base64.getEncoder().encodeToString(new byte[16]);
        ActivationStatusBlob blob = new ActivationStatusBlob(ActivationState.ACTIVE, 2, 3, 2, 5, 0, 20, hash);
        assertThat(blob.remainingAttempts()).isEqualTo(3);
        assertThat(blob.isUpgradeAvailable()).isTrue();
        assertThat(new ActivationStatusBlob(ActivationState.BLOCKED, 3, 3, 6, 5, 0, 20, hash).remainingAttempts())
                .isZero();
        assertThatThrownBy(() -> new ActivationStatusBlob(ActivationState.ACTIVE, 3, 3, 0, 5, 256, 20, hash))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActivationStatusBlob(ActivationState.ACTIVE, 3, 3, 0, 5, 0, 20, "AAAA"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ActivationStatusBlobInfo randomInfo(Random random) {
        ActivationStatusBlobInfo info = new ActivationStatusBlobInfo();
        info.setActivationStatus((byte) (1 + random.nextInt(5)));
        info.setCurrentVersion((byte) random.nextInt(256));
        info.setUpgradeVersion((byte) random.nextInt(256));
        info.setFailedAttempts((byte) random.nextInt(256));
        info.setMaxFailedAttempts((byte) random.nextInt(256));
        info.setCtrByte((byte) random.nextInt(256));
        info.setCtrLookAhead((byte) random.nextInt(256));
        info.setCtrDataHash(bytes(random, 16));
        return info;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
