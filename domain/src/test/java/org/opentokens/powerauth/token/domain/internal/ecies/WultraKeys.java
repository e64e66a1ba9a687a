package org.opentokens.powerauth.token.domain.internal.ecies;

import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Converts our P-256 keys into the JCA keys Wultra's oracle expects, and makes seeded randomness. */
final class WultraKeys {
    private static final KeyConvertor CONVERTOR = new KeyConvertor();

    private WultraKeys() {
    }

    static PublicKey publicKey(EcKeyPair pair) {
        WultraOracle.ensureProvider();
        try {
            return CONVERTOR.convertBytesToPublicKey(pair.publicKey().uncompressed());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static PrivateKey privateKey(EcKeyPair pair) {
        WultraOracle.ensureProvider();
        byte[] raw = pair.privateKey().copyBytes(InsecureSecretAccess.get());
        try {
            // Wultra reads the scalar as a signed BigInteger: prefix a zero byte.
            return CONVERTOR.convertBytesToPrivateKey(Bytes.concat(new byte[1], raw));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a deterministic SecureRandom, so that a failing case can be replayed */
    static SecureRandom seeded(long seed) {
        return WultraOracle.seeded(seed);
    }
}
