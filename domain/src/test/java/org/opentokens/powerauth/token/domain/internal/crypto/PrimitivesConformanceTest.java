package org.opentokens.powerauth.token.domain.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.encryptor.ecies.kdf.KdfX9_63;
import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** The shared primitives against Wultra's reference implementation, on random inputs. */
class PrimitivesConformanceTest {
    private static final int CASES = 200;
    private static final KeyGenerator WULTRA_KEYS = new KeyGenerator();
    private static final KeyConvertor WULTRA_CONVERTOR = new KeyConvertor();

    @BeforeAll
    static void oracle() {
        WultraOracle.ensureProvider();
    }

    @Test
    void ecdhMatchesWultraInBothDirections() throws Exception {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < CASES; i++) {
            EcKeyPair ours = P256.generateKeyPair(random);
            KeyPair theirs = WULTRA_KEYS.generateKeyPair();
            EcPublicKey theirPublic = EcPublicKey.fromBytes(WULTRA_CONVERTOR.convertPublicKeyToBytes(theirs.getPublic()));

            byte[] ourSide = P256.sharedSecret(ours.privateKey(), theirPublic);
            byte[] theirSide = WULTRA_CONVERTOR.convertSharedSecretKeyToBytes(WULTRA_KEYS.computeSharedKey(
                    theirs.getPrivate(),
                    WULTRA_CONVERTOR.convertBytesToPublicKey(ours.publicKey().compressed()), true));

            assertThat(ourSide).isEqualTo(theirSide);
            byte[] reduced = WULTRA_CONVERTOR.convertSharedSecretKeyToBytes(WULTRA_KEYS.computeSharedKey(
                    theirs.getPrivate(), WULTRA_CONVERTOR.convertBytesToPublicKey(ours.publicKey().uncompressed())));
            assertThat(Bytes.reduce(ourSide)).isEqualTo(reduced);
        }
    }

    @Test
    void privateKeyEncodingRoundTripsWithWultrasSignedEncoding() throws Exception {
        for (int i = 0; i < CASES; i++) {
            KeyPair theirs = WULTRA_KEYS.generateKeyPair();
            EcPrivateKey ours = EcPrivateKey.fromBytes(WULTRA_CONVERTOR.convertPrivateKeyToBytes(theirs.getPrivate()));
            assertThat(ours.publicKey().uncompressed())
                    .isEqualTo(WULTRA_CONVERTOR.convertPublicKeyToBytes(theirs.getPublic()));
            assertThat(ours.copySignedBytes(InsecureSecretAccess.get()))
                    .isEqualTo(WULTRA_CONVERTOR.convertPrivateKeyToBytes(theirs.getPrivate()));
            assertThat(EcPrivateKey.fromSignedBytes(WULTRA_CONVERTOR.convertPrivateKeyToBytes(theirs.getPrivate()))
                    .publicKey()).isEqualTo(ours.publicKey());
            byte[] ourBytes = ours.copyBytes(InsecureSecretAccess.get());
            assertThat(ourBytes).hasSize(32);
            // Wultra reads private keys as signed integers (protocol.md pitfall 8): give it a leading zero byte.
            byte[] signed = Bytes.concat(new byte[1], ourBytes);
            assertThat(WULTRA_CONVERTOR.convertPrivateKeyToBytes(WULTRA_CONVERTOR.convertBytesToPrivateKey(signed)))
                    .isEqualTo(WULTRA_CONVERTOR.convertPrivateKeyToBytes(theirs.getPrivate()));
        }
    }

    @Test
    void kdfAndKdfInternalMatchWultra() throws Exception {
        Random random = new Random(20261127);
        for (int i = 0; i < CASES; i++) {
            byte[] key = new byte[16];
            random.nextBytes(key);
            long index = i % 3 == 0 ? random.nextLong() : random.nextInt(5000);
            byte[] theirIndex = java.nio.ByteBuffer.allocate(16).putLong(0).putLong(index).array();

            byte[] ours = Kdf.derive(SymmetricKey.of(key), index).copyBytes(InsecureSecretAccess.get());
            byte[] theirs = WULTRA_CONVERTOR.convertSharedSecretKeyToBytes(
                    WULTRA_KEYS.deriveSecretKey(new SecretKeySpec(key, "AES"), theirIndex));
            assertThat(ours).isEqualTo(theirs);

            byte[] data = new byte[random.nextInt(64)];
            random.nextBytes(data);
            assertThat(Kdf.internal(key, data)).isEqualTo(WULTRA_CONVERTOR.convertSharedSecretKeyToBytes(
                    WULTRA_KEYS.deriveSecretKeyHmac(new SecretKeySpec(key, "AES"), data)));
        }
    }

    @Test
    void x963MatchesWultra() throws Exception {
        Random random = new Random(963);
        for (int i = 0; i < CASES; i++) {
            byte[] z = new byte[32];
            byte[] info = new byte[random.nextInt(100)];
            random.nextBytes(z);
            random.nextBytes(info);
            int length = 1 + random.nextInt(96);
            assertThat(Kdf.x963(z, info, length)).isEqualTo(KdfX9_63.derive(z, info, length));
        }
    }
}
