package org.opentokens.powerauth.token.domain.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.InvalidPublicKeyException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/** Typed errors and redaction of the shared primitives. */
class PrimitivesErrorsTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void rejectsPublicKeysOfWrongLengthOrPrefix() {
        byte[] valid = P256.generateKeyPair(random).publicKey().uncompressed();
        assertThatThrownBy(() -> EcPublicKey.fromBytes(Arrays.copyOf(valid, 64)))
                .isInstanceOf(InvalidPublicKeyException.class);
        byte[] wrongPrefix = valid.clone();
        wrongPrefix[0] = 0x05;
        assertThatThrownBy(() -> EcPublicKey.fromBytes(wrongPrefix)).isInstanceOf(InvalidPublicKeyException.class);
        assertThatThrownBy(() -> EcPublicKey.fromBytes(new byte[0])).isInstanceOf(InvalidPublicKeyException.class);
    }

    @Test
    void rejectsPointsOffTheCurve() {
        byte[] valid = P256.generateKeyPair(random).publicKey().uncompressed();
        byte[] offCurve = valid.clone();
        offCurve[64] ^= 1;
        assertThatThrownBy(() -> EcPublicKey.fromBytes(offCurve)).isInstanceOf(InvalidPublicKeyException.class);
        byte[] compressedGarbage = new byte[33];
        compressedGarbage[0] = 0x02;
        Arrays.fill(compressedGarbage, 1, 33, (byte) 0xFF);
        assertThatThrownBy(() -> EcPublicKey.fromBytes(compressedGarbage)).isInstanceOf(InvalidPublicKeyException.class);
    }

    @Test
    void compressedAndUncompressedEncodingsAreTheSameKey() {
        EcPublicKey key = P256.generateKeyPair(random).publicKey();
        assertThat(EcPublicKey.fromBytes(key.compressed())).isEqualTo(EcPublicKey.fromBytes(key.uncompressed()));
        assertThat(key.compressed()).hasSize(33);
        assertThat(key.uncompressed()).hasSize(65);
    }

    @Test
    void rejectsBadBase64AndWrongLengthsWithoutEchoingInput() {
        assertThatThrownBy(() -> SymmetricKey.fromBase64("not*base64"))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageNotContaining("not*base64");
        assertThatThrownBy(() -> SymmetricKey.of(new byte[15])).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> B64.decode("AAAA", "nonce", 16))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageContaining("nonce");
    }

    @Test
    void rejectsOutOfRangePrivateKeys() {
        assertThatThrownBy(() -> EcPrivateKey.fromBytes(new byte[32])).isInstanceOf(MalformedDataException.class);
        byte[] tooBig = new byte[32];
        Arrays.fill(tooBig, (byte) 0xFF);
        assertThatThrownBy(() -> EcPrivateKey.fromBytes(tooBig)).isInstanceOf(MalformedDataException.class);
        byte[] badSigned = new byte[33];
        badSigned[0] = 1;
        assertThatThrownBy(() -> EcPrivateKey.fromBytes(badSigned)).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> EcPrivateKey.fromBytes(new byte[0])).isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> EcPrivateKey.fromBytes(new byte[34])).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void shortPrivateKeyEncodingsAreLeftPadded() {
        EcPrivateKey one = EcPrivateKey.fromBytes(new byte[] {1});
        byte[] padded = new byte[32];
        padded[31] = 1;
        assertThat(one.publicKey()).isEqualTo(EcPrivateKey.fromBytes(padded).publicKey());
        assertThat(one.copyBytes(InsecureSecretAccess.get())).isEqualTo(padded);
    }

    @Test
    void paddedDecryptionWithWrongKeyGivesTypedError() {
        byte[] key = new byte[16];
        byte[] other = new byte[16];
        random.nextBytes(key);
        random.nextBytes(other);
        byte[] ciphertext = Aes.cbcEncryptPadded(key, Aes.zeroIv(), new byte[] {1, 2, 3});
        assertThat(Aes.cbcDecryptPadded(key, Aes.zeroIv(), ciphertext)).containsExactly(1, 2, 3);
        int typed = 0;
        for (int i = 0; i < 50; i++) {
            random.nextBytes(other);
            try {
                Aes.cbcDecryptPadded(other, Aes.zeroIv(), ciphertext);
            } catch (CryptoFailureException e) {
                assertThat(e.reason()).isEqualTo(CryptoFailureException.Reason.BAD_PADDING);
                typed++;
            }
        }
        assertThat(typed).isGreaterThan(40);
        assertThatThrownBy(() -> Aes.cbcDecryptPadded(key, Aes.zeroIv(), new byte[15]))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void ecdsaRejectsGarbageDerAndWrongSignaturesWithTypedErrors() {
        EcPublicKey key = P256.generateKeyPair(random).publicKey();
        assertThatThrownBy(() -> P256.verifyDer(key, new byte[] {1}, new byte[] {0x30, 0x01}))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> P256.verifyRaw(key, new byte[] {1}, new byte[64]))
                .isInstanceOf(CryptoFailureException.class);
        assertThatThrownBy(() -> P256.verifyRaw(key, new byte[] {1}, new byte[63]))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void secretsAreRedactedComparedInConstantTimeAndDestroyable() {
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        SymmetricKey key = SymmetricKey.of(raw);
        EcPrivateKey priv = P256.generateKeyPair(random).privateKey();
        String privHex = HexFormat.of().formatHex(priv.copyBytes(InsecureSecretAccess.get()));
        for (String shown : new String[] {key.toString(), SecretBytes.copyOf(raw).toString(), priv.toString()}) {
            assertThat(shown).doesNotContain(Base64.getEncoder().encodeToString(raw))
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(raw))
                    .doesNotContainIgnoringCase(privHex);
        }
        assertThat(key.sameKeyAs(SymmetricKey.of(raw))).isTrue();
        raw[0] ^= 1;
        assertThat(key.sameKeyAs(SymmetricKey.of(raw))).isFalse();
        key.destroy();
        priv.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThatThrownBy(() -> key.copyBytes(InsecureSecretAccess.get())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(priv::publicKey).isInstanceOf(IllegalStateException.class);
    }
}
