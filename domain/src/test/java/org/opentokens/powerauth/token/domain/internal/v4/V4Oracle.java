package org.opentokens.powerauth.token.domain.internal.v4;

import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Shared helpers for the protocol 4.0 oracle tests against Wultra's {@code powerauth-java-crypto} 2.0.1. */
public final class V4Oracle {
    /** Random cases per oracle test; every test is seeded, so a failing case can be replayed. */
    public static final int CASES = 300;

    private V4Oracle() {
    }

    /** Registers the BC provider Wultra's classes look up by name (test side only). */
    public static void ensureProvider() {
        WultraOracle.ensureProvider();
    }

    /** @return a seeded {@link SecureRandom}, for code that takes one */
    public static SecureRandom secureRandom(long seed) {
        return WultraOracle.seeded(seed);
    }

    /** @return {@code n} bytes from {@code r} */
    public static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** @return the key as the JCA {@link SecretKey} Wultra's API takes */
    public static SecretKey jca(byte[] raw) {
        return new SecretKeySpec(raw, "AES");
    }

    /** @return our key as a JCA key */
    public static SecretKey jca(V4SymmetricKey key) {
        return jca(key.copyBytes(InsecureSecretAccess.get()));
    }

    /** @return the raw bytes of our key */
    public static byte[] raw(V4SymmetricKey key) {
        return key.copyBytes(InsecureSecretAccess.get());
    }
}
