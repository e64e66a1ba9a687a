package org.opentokens.powerauth.token.benchmarks.crypto;

import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.opentokens.powerauth.token.benchmarks.fixture.WultraProvider;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.port.out.RandomSource;

/** Random inputs shared by both sides, and our keys converted into the JCA keys Wultra's classes take. */
final class Keys {
    private static final KeyConvertor CONVERTOR = new KeyConvertor();

    private Keys() {
    }

    /** @return the randomness our side uses, the kind the library recommends (one SHA1PRNG per thread) */
    static RandomSource ourRandom() {
        return RandomSource.perThread(Keys::sha1Prng);
    }

    static SecureRandom sha1Prng() {
        try {
            return SecureRandom.getInstance("SHA1PRNG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA1PRNG", e);
        }
    }

    static byte[] bytes(SecureRandom random, int length) {
        byte[] out = new byte[length];
        random.nextBytes(out);
        return out;
    }

    static String base64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    static String uuid(SecureRandom random) {
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(3L << 62) | (2L << 62))
                .toString();
    }

    static PublicKey wultraPublic(EcKeyPair pair) throws Exception {
        WultraProvider.ensureRegistered();
        return CONVERTOR.convertBytesToPublicKey(pair.publicKey().uncompressed());
    }

    static PrivateKey wultraPrivate(EcKeyPair pair) throws Exception {
        WultraProvider.ensureRegistered();
        byte[] raw = pair.privateKey().copyBytes(InsecureSecretAccess.get());
        byte[] signed = new byte[raw.length + 1];
        System.arraycopy(raw, 0, signed, 1, raw.length);
        return CONVERTOR.convertBytesToPrivateKey(signed);
    }
}
