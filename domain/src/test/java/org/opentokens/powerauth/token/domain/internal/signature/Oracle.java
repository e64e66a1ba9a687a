package org.opentokens.powerauth.token.domain.internal.signature;

import io.getlime.security.powerauth.crypto.client.keyfactory.PowerAuthClientKeyFactory;
import io.getlime.security.powerauth.crypto.lib.config.SignatureConfiguration;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureFormat;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Bridges to Wultra's oracle types for the signature tests. */
final class Oracle {
    private Oracle() {
    }

    static SecretKey jca(SymmetricKey key) {
        return key == null ? null : new SecretKeySpec(key.copyBytes(InsecureSecretAccess.get()), "AES");
    }

    static PowerAuthSignatureTypes type(PowerAuthSignatureType type) {
        return PowerAuthSignatureTypes.valueOf(type.name());
    }

    static List<SecretKey> keys(PowerAuthSignatureType type, SymmetricKey p, SymmetricKey k, SymmetricKey b) {
        return new PowerAuthClientKeyFactory().keysForSignatureType(type(type), jca(p), jca(k), jca(b));
    }

    static SignatureConfiguration config(ProtocolVersion version) throws Exception {
        return SignatureConfiguration.forFormat(PowerAuthSignatureFormat.getFormatForSignatureVersion(
                version.wireValue()));
    }

    static SecureRandom seeded(long seed) {
        return WultraOracle.seeded(seed);
    }

    static byte[] bytes(SecureRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static SymmetricKey key(SecureRandom random) {
        return SymmetricKey.of(bytes(random, 16));
    }
}
