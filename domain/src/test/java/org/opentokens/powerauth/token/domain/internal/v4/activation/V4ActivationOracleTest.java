package org.opentokens.powerauth.token.domain.internal.v4.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wultra.security.powerauth.crypto.client.v4.activation.PowerAuthClientActivation;
import com.wultra.security.powerauth.crypto.lib.enums.EcCurve;
import com.wultra.security.powerauth.crypto.lib.enums.ProtocolVersion;
import com.wultra.security.powerauth.crypto.lib.model.ActivationStatusBlobInfo;
import com.wultra.security.powerauth.crypto.lib.util.KeyConvertor;
import com.wultra.security.powerauth.crypto.server.v4.activation.PowerAuthServerActivation;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.StatusBlobException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4CounterSync;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4CounterSyncResult;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaKeyPair;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PrivateKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;

/**
 * The V4 status blob, fingerprints and activation-code signatures both ways against Wultra 2.0.1's
 * {@code PowerAuthServerActivation} and {@code PowerAuthClientActivation}.
 */
class V4ActivationOracleTest {
    private static final PowerAuthServerActivation SERVER = new PowerAuthServerActivation();
    private static final PowerAuthClientActivation CLIENT = new PowerAuthClientActivation();
    private static final KeyConvertor CONVERTOR = new KeyConvertor();

    @BeforeAll
    static void provider() {
        V4Oracle.ensureProvider();
    }

    @Test
    void weVerifyAndParseWultrasStatusBlobsAndItParsesAndVerifiesOurs() throws Exception {
        Random r = new Random(4601);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            byte[] macKey = V4Oracle.bytes(r, 32);
            ActivationStatusBlobInfo info = new ActivationStatusBlobInfo();
            info.setActivationStatus((byte) (1 + r.nextInt(5)));
            info.setCurrentVersion((byte) (3 + r.nextInt(2)));
            info.setUpgradeVersion((byte) 4);
            info.setStatusFlags((byte) r.nextInt(16));
            info.setCtrByte((byte) r.nextInt(256));
            info.setFailedAttempts((byte) r.nextInt(6));
            info.setMaxFailedAttempts((byte) (5 + r.nextInt(5)));
            info.setCtrLookAhead((byte) (1 + r.nextInt(64)));
            info.setCtrDataHash(V4Oracle.bytes(r, 32));
            byte[] blob = SERVER.generateStatusBlob(info, ProtocolVersion.V40);
            byte[] mac = SERVER.calculateStatusMac(blob, V4Oracle.jca(macKey), ProtocolVersion.V40);
            String field = Base64.getEncoder().encodeToString(org.bouncycastle.util.Arrays.concatenate(blob, mac));

            V4ActivationStatus ours = V4ActivationStatus.fromActivationStatus(field, V4SymmetricKey.of(macKey));
            assertThat(ours.state().code()).as("case %d", i).isEqualTo(info.getActivationStatus());
            assertThat(ours.currentVersion()).isEqualTo(info.getCurrentVersion());
            assertThat(ours.upgradeVersion()).isEqualTo(info.getUpgradeVersion());
            assertThat(ours.flags()).isEqualTo(info.getStatusFlags());
            assertThat(ours.ctrByte()).isEqualTo(info.getCtrByte() & 0xFF);
            assertThat(ours.failedAttempts()).isEqualTo(info.getFailedAttempts());
            assertThat(ours.maxFailedAttempts()).isEqualTo(info.getMaxFailedAttempts());
            assertThat(ours.ctrLookAhead()).isEqualTo(info.getCtrLookAhead());
            assertThat(ours.ctrDataHash()).isEqualTo(info.getCtrDataHash());

            byte[] ourBlob = ours.toBytes();
            // Wultra fills the four reserved bytes (8..11) with random bytes; ours writes zeros.
            byte[] theirsZeroed = blob.clone();
            java.util.Arrays.fill(theirsZeroed, 8, 12, (byte) 0);
            assertThat(ourBlob).isEqualTo(theirsZeroed);
            mac = SERVER.calculateStatusMac(ourBlob, V4Oracle.jca(macKey), ProtocolVersion.V40);
            assertThat(V4ActivationStatus.mac(ourBlob, V4SymmetricKey.of(macKey))).isEqualTo(mac);
            assertThat(CLIENT.verifyStatusMac(ourBlob, mac, V4Oracle.jca(macKey), ProtocolVersion.V40)).isTrue();
            ActivationStatusBlobInfo back = CLIENT.getStatusFromBlob(ourBlob);
            assertThat(back.isValid()).isTrue();
            assertThat(back.getCtrDataHash()).isEqualTo(info.getCtrDataHash());
            assertThat(back.getStatusFlags()).isEqualTo(info.getStatusFlags());
        }
    }

    @Test
    void statusFromWultrasServerSynchronizesTheCounter() throws Exception {
        Random r = new Random(4602);
        for (int i = 0; i < 100; i++) {
            byte[] secretBytes = V4Oracle.bytes(r, 32);
            V4SymmetricKey ctrKey = org.opentokens.powerauth.token.domain.internal.v4.kdf.V4KeyFactory.ctrDataMacKey(
                    V4SymmetricKey.of(secretBytes));
            byte[] ctr = V4Oracle.bytes(r, 32);
            int ahead = r.nextInt(5);
            byte[] serverCtr = ctr;
            for (int s = 0; s < ahead; s++) {
                serverCtr = new com.wultra.security.powerauth.crypto.lib.generator.HashBasedCounter("4.0").next(serverCtr);
            }
            ActivationStatusBlobInfo info = new ActivationStatusBlobInfo();
            info.setActivationStatus((byte) 3);
            info.setCurrentVersion((byte) 4);
            info.setUpgradeVersion((byte) 4);
            info.setCtrByte((byte) ahead);
            info.setMaxFailedAttempts((byte) 5);
            info.setCtrLookAhead((byte) 20);
            info.setCtrDataHash(SERVER.calculateHashFromHashBasedCounter(serverCtr,
                    new com.wultra.security.powerauth.crypto.client.v4.keyfactory.PowerAuthClientKeyFactory()
                            .generateKeyMacCtrData(V4Oracle.jca(secretBytes)), ProtocolVersion.V40));
            V4ActivationStatus status = V4ActivationStatus.parse(SERVER.generateStatusBlob(info, ProtocolVersion.V40));
            V4CounterSyncResult result = V4CounterSync.synchronize(V4HashCounter.of(ctr, 0), status, ctrKey);
            if (ahead == 0) {
                assertThat(result).isInstanceOf(V4CounterSyncResult.InSync.class);
            } else {
                assertThat(result).isInstanceOf(V4CounterSyncResult.ServerAhead.class);
                assertThat(((V4CounterSyncResult.ServerAhead) result).distance()).isEqualTo(ahead);
            }
        }
    }

    @Test
    void ecFingerprintMatchesWultraForItsKeysAndOurs() throws Exception {
        Random r = new Random(4603);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            String activationId = UUID.randomUUID().toString();
            PublicKey device;
            PublicKey server = SERVER.generateEcServerKeyPair().getPublic();
            if (i % 2 == 0) {
                device = CLIENT.generateDeviceEcKeyPair().getPublic();
            } else {
                P384PublicKey ours = P384PrivateKey.generate(V4Oracle.secureRandom(i)).publicKey();
                device = CONVERTOR.convertBytesToPublicKey(EcCurve.P384, ours.uncompressed());
            }
            String theirs = CLIENT.computeActivationEcFingerprint(device, server, activationId);
            assertThat(V4ActivationFingerprint.ec(ec(device), ec(server), activationId)).as("case %d", i).isEqualTo(theirs);
            assertThat(SERVER.computeActivationEcFingerprint(device, server, activationId)).isEqualTo(theirs);
        }
    }

    @Test
    void hybridFingerprintMatchesWultraForBothLevels() throws Exception {
        Random r = new Random(4604);
        for (int i = 0; i < 100; i++) {
            SharedSecretAlgorithm algorithm = i % 2 == 0 ? SharedSecretAlgorithm.EC_P384_ML_L3 : SharedSecretAlgorithm.EC_P384_ML_L5;
            var theirAlgorithm = com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm.valueOf(algorithm.name());
            String activationId = UUID.randomUUID().toString();
            PublicKey deviceEc = CLIENT.generateDeviceEcKeyPair().getPublic();
            PublicKey deviceMl;
            if (i % 4 < 2) {
                deviceMl = CLIENT.generateDevicePqcKeyPair(theirAlgorithm).getPublic();
            } else {
                MlDsaKeyPair ours = MlDsaKeyPair.generate(algorithm == SharedSecretAlgorithm.EC_P384_ML_L3
                        ? MlDsaPublicKey.Level.ML_DSA_65 : MlDsaPublicKey.Level.ML_DSA_87, V4Oracle.secureRandom(i));
                deviceMl = KeyFactory.getInstance("ML-DSA", "BC").generatePublic(new X509EncodedKeySpec(ours.publicKey().encoded()));
            }
            KeyPair serverEc = SERVER.generateEcServerKeyPair();
            KeyPair serverMl = SERVER.generatePqcServerKeyPair(theirAlgorithm);
            String theirs = CLIENT.computeActivationHybridFingerprint(theirAlgorithm, deviceEc, deviceMl,
                    serverEc.getPublic(), serverMl.getPublic(), activationId);
            assertThat(V4ActivationFingerprint.hybrid(algorithm, ec(deviceEc), MlDsaPublicKey.fromBytes(deviceMl.getEncoded()),
                    ec(serverEc.getPublic()), MlDsaPublicKey.fromBytes(serverMl.getPublic().getEncoded()), activationId))
                    .as("case %d", i).isEqualTo(theirs);
        }
        assertThatThrownBy(() -> V4ActivationFingerprint.hybrid(SharedSecretAlgorithm.EC_P384, null, null, null, null, "x"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void activationCodeSignaturesFromWultrasServerVerify() throws Exception {
        Random r = new Random(4605);
        KeyPair ec = SERVER.generateEcServerKeyPair();
        var l3 = com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm.EC_P384_ML_L3;
        var l5 = com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm.EC_P384_ML_L5;
        KeyPair ml65 = SERVER.generatePqcServerKeyPair(l3);
        KeyPair ml87 = SERVER.generatePqcServerKeyPair(l5);
        for (int i = 0; i < 100; i++) {
            String code = randomCode(r);
            byte[] ecdsa = SERVER.generateActivationSignatureEcdsa(code, ec.getPrivate());
            V4ActivationCodeSignature.verifyEcdsa(code, ecdsa, ec(ec.getPublic()));
            KeyPair ml = i % 2 == 0 ? ml65 : ml87;
            byte[] mldsa = SERVER.generateActivationSignatureMldsa(code, ml.getPrivate());
            V4ActivationCodeSignature.verifyMlDsa(code, mldsa, MlDsaPublicKey.fromBytes(ml.getPublic().getEncoded()));
            String other = randomCode(r);
            assertThatThrownBy(() -> V4ActivationCodeSignature.verifyEcdsa(other, ecdsa, ec(ec.getPublic())))
                    .isInstanceOf(InvalidActivationCodeException.class);
            assertThatThrownBy(() -> V4ActivationCodeSignature.verifyMlDsa(other, mldsa,
                    MlDsaPublicKey.fromBytes(ml.getPublic().getEncoded()))).isInstanceOf(InvalidActivationCodeException.class);
        }
    }

    @Test
    void badBlobsAndKeysFailWithTypedErrors() {
        V4SymmetricKey key = V4SymmetricKey.of(new byte[32]);
        V4ActivationStatus status = new V4ActivationStatus(ActivationState.ACTIVE, 4, 4, 1, 7, 0, 5, 20, new byte[32]);
        byte[] blob = status.toBytes();
        byte[] mac = V4ActivationStatus.mac(blob, key);
        assertThat(V4ActivationStatus.verifyAndParse(blob, mac, key).isConfirmationPending()).isTrue();
        byte[] badMac = mac.clone();
        badMac[0] ^= 1;
        assertThatThrownBy(() -> V4ActivationStatus.verifyAndParse(blob, badMac, key)).isInstanceOf(CryptoFailureException.class);
        byte[] badMagic = blob.clone();
        badMagic[3] = (byte) 0xD1;
        assertThatThrownBy(() -> V4ActivationStatus.verifyAndParse(badMagic, V4ActivationStatus.mac(badMagic, key), key))
                .isInstanceOf(StatusBlobException.class);
        byte[] badState = blob.clone();
        badState[4] = 9;
        assertThatThrownBy(() -> V4ActivationStatus.verifyAndParse(badState, V4ActivationStatus.mac(badState, key), key))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> V4ActivationStatus.fromActivationStatus("AAAA", key)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> P384PublicKey.fromBytes(new byte[97])).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> P384PublicKey.fromBytes(new byte[] {0x30, 1, 2})).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> MlDsaPublicKey.fromBytes(new byte[] {0x30, 1, 2})).isInstanceOf(MalformedDataException.class);
    }

    private static P384PublicKey ec(PublicKey key) {
        return P384PublicKey.fromBytes(key.getEncoded());
    }

    private static String randomCode(Random r) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder s = new StringBuilder();
        for (int g = 0; g < 4; g++) {
            if (g > 0) {
                s.append('-');
            }
            for (int c = 0; c < 5; c++) {
                s.append(alphabet.charAt(r.nextInt(32)));
            }
        }
        return s.toString();
    }
}
