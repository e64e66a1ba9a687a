package org.opentokens.powerauth.token.domain.internal.keys;

import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.util.BigIntegers;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPrivateKey;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Conversions between our key types and the JCA types Wultra's oracle uses. */
final class OracleKeys {
    static final KeyConvertor CONVERTOR = new KeyConvertor();
    static final BigInteger N = new BigInteger(
            "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    private OracleKeys() {
    }

    static byte[] raw(SymmetricKey key) {
        return key.copyBytes(InsecureSecretAccess.get());
    }

    static SecretKey jca(SymmetricKey key) {
        return new SecretKeySpec(raw(key), "AES");
    }

    static PrivateKey jca(EcPrivateKey key) throws Exception {
        WultraOracle.ensureProvider();
        byte[] unsigned = key.copyBytes(InsecureSecretAccess.get());
        return CONVERTOR.convertBytesToPrivateKey(new BigInteger(1, unsigned).toByteArray());
    }

    static PublicKey jca(EcPublicKey key) throws Exception {
        WultraOracle.ensureProvider();
        return CONVERTOR.convertBytesToPublicKey(key.uncompressed());
    }

    static BigInteger scalar(PrivateKey key) {
        return ((ECPrivateKey) key).getS();
    }

    static BigInteger scalar(EcPrivateKey key) {
        return new BigInteger(1, key.copyBytes(InsecureSecretAccess.get()));
    }

    static EcPrivateKey ours(PrivateKey key) {
        return EcPrivateKey.fromBytes(BigIntegers.asUnsignedByteArray(32, scalar(key)));
    }

    static EcPublicKey ours(PublicKey key) throws Exception {
        return EcPublicKey.fromBytes(CONVERTOR.convertPublicKeyToBytes(key));
    }

    /**
     * A random valid scalar whose encoding exercises the edge cases: case 0 forces the top bit set (33-byte
     * signed form), case 1 forces a leading zero byte (31-byte or shorter signed form), others are uniform.
     */
    static EcPrivateKey randomScalar(SecureRandom random, int caseIndex) {
        while (true) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            switch (caseIndex % 4) {
                case 0 -> b[0] |= (byte) 0x80;
                case 1 -> {
                    b[0] = 0;
                    if (caseIndex % 8 == 1) {
                        b[1] = 0;
                    }
                }
                default -> { }
            }
            BigInteger d = new BigInteger(1, b);
            if (d.signum() > 0 && d.compareTo(N) < 0) {
                return EcPrivateKey.fromBytes(b);
            }
        }
    }

    static SecureRandom seeded(long seed) {
        return WultraOracle.seeded(seed);
    }
}
