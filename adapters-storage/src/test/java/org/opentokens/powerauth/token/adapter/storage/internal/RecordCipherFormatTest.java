package org.opentokens.powerauth.token.adapter.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.FixedRandomSource;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * The row crypto keeps its documented format: HKDF-SHA256 keys, HMAC-SHA256 tags and AES-256-GCM fields computed
 * independently with Bouncy Castle give the same bytes, so stores written before and after open alike.
 */
class RecordCipherFormatTest {
    private static final byte[] NONCE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};

    @Test
    void tagsAndSealedFieldsMatchAnIndependentComputation() throws Exception {
        byte[] master = new byte[32];
        new Random(9).nextBytes(master);
        RecordCipher cipher = RecordCipher.derive(SecretBytes.copyOf(master), new FixedRandomSource(NONCE));
        byte[] encryptionKey = hkdf(master, "encryption");
        byte[] tagKey = hkdf(master, "lookup tags");
        byte[] ns = cipher.namespaceTag(StorageNamespace.of("default"));
        byte[] name = cipher.nameTag(ns, "token:bench");
        byte[] plaintext = "a token record".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = cipher.seal(RecordCipher.PURPOSE_VALUE, ns, name, plaintext);

        assertThat(ns).isEqualTo(hmac(tagKey, (byte) 1, new byte[32], "default"));
        assertThat(name).isEqualTo(hmac(tagKey, (byte) 2, ns, "token:bench"));
        assertThat(sealed).isEqualTo(referenceSeal(encryptionKey, RecordCipher.PURPOSE_VALUE, ns, name, plaintext));
        assertThat(cipher.open(RecordCipher.PURPOSE_VALUE, ns, name, sealed)).isEqualTo(plaintext);
    }

    @Test
    void aFieldOpensOnlyInItsOwnRowAndColumn() {
        RecordCipher cipher = RecordCipher.derive(SecretBytes.copyOf(new byte[32]), new FixedRandomSource(NONCE));
        byte[] ns = cipher.namespaceTag(StorageNamespace.of("default"));
        byte[] name = cipher.nameTag(ns, "a");
        byte[] other = cipher.nameTag(ns, "b");
        byte[] sealed = cipher.seal(RecordCipher.PURPOSE_NAME, ns, name, new byte[] {42});
        byte[] flipped = sealed.clone();
        flipped[flipped.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open(RecordCipher.PURPOSE_NAME, ns, other, sealed))
                .isInstanceOf(StorageCorruptException.class);
        assertThatThrownBy(() -> cipher.open(RecordCipher.PURPOSE_VALUE, ns, name, sealed))
                .isInstanceOf(StorageCorruptException.class);
        assertThatThrownBy(() -> cipher.open(RecordCipher.PURPOSE_NAME, ns, name, flipped))
                .isInstanceOf(StorageCorruptException.class);
        assertThat(cipher.open(RecordCipher.PURPOSE_NAME, ns, name, sealed)).containsExactly(42);
    }

    @Test
    void refusesToWorkAfterDestroy() {
        RecordCipher cipher = RecordCipher.derive(SecretBytes.copyOf(new byte[32]), new FixedRandomSource(NONCE));

        cipher.destroy();

        assertThatThrownBy(() -> cipher.namespaceTag(StorageNamespace.of("x")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(cipher.isDestroyed()).isTrue();
    }

    private static byte[] hkdf(byte[] master, String purpose) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(master, null,
                ("opentokens powerauth sqlite v1 " + purpose).getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[32];
        generator.generateBytes(out, 0, out.length);
        return out;
    }

    private static byte[] hmac(byte[] key, byte kind, byte[] prefix, String text) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(kind);
        mac.update(prefix, 0, prefix.length);
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        mac.update(utf8, 0, utf8.length);
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }

    private static byte[] referenceSeal(byte[] key, byte purpose, byte[] ns, byte[] name, byte[] plaintext)
            throws Exception {
        byte[] aad = new byte[66];
        aad[0] = 1;
        aad[1] = purpose;
        System.arraycopy(ns, 0, aad, 2, 32);
        System.arraycopy(name, 0, aad, 34, 32);
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(true, new AEADParameters(new KeyParameter(key), 128, NONCE, aad));
        byte[] body = new byte[gcm.getOutputSize(plaintext.length)];
        int written = gcm.processBytes(plaintext, 0, plaintext.length, body, 0);
        gcm.doFinal(body, written);
        byte[] out = new byte[1 + NONCE.length + body.length];
        out[0] = 1;
        System.arraycopy(NONCE, 0, out, 1, NONCE.length);
        System.arraycopy(body, 0, out, 1 + NONCE.length, body.length);
        return Arrays.copyOf(out, out.length);
    }
}
