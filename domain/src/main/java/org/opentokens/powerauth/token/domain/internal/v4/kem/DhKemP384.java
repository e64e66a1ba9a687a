package org.opentokens.powerauth.token.domain.internal.v4.kem;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.hpke.HPKE;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.Bytes;

/**
 * RFC 9180 DHKEM(P-384, HKDF-SHA384) as protocol 4.0 uses it: HPKE base mode with KDF HKDF-SHA384 and the
 * export-only AEAD, info {@code "DHKEM-P384"}, and the 48-byte secret {@code export("DHKEM-P384", 48)}. The key pair is
 * HPKE's {@code DeriveKeyPair} of 64 bytes from the caller's randomness. The public key is sent uncompressed
 * (97 bytes), as Wultra 2.0.1's client sends it; its server also accepts the compressed form.
 */
final class DhKemP384 implements KemKeyPair {
    static final byte[] INFO = "DHKEM-P384".getBytes(StandardCharsets.US_ASCII);
    static final int SECRET_LENGTH = 48;
    static final int ENCAPSULATION_LENGTH = 97;
    private static final short KEM_P384 = 0x0011;
    private static final short KDF_HKDF_SHA384 = 0x0002;
    private static final short AEAD_EXPORT_ONLY = (short) 0xFFFF;

    private volatile AsymmetricCipherKeyPair keyPair;

    DhKemP384(AsymmetricCipherKeyPair keyPair) {
        this.keyPair = keyPair;
    }

    static DhKemP384 generate(SecureRandom random) {
        byte[] ikm = new byte[64];
        random.nextBytes(ikm);
        try {
            return new DhKemP384(hpke().deriveKeyPair(ikm));
        } finally {
            Bytes.wipe(ikm);
        }
    }

    static HPKE hpke() {
        return new HPKE(HPKE.mode_base, KEM_P384, KDF_HKDF_SHA384, AEAD_EXPORT_ONLY);
    }

    @Override
    public byte[] encapsulationKey() {
        return ((ECPublicKeyParameters) pair().getPublic()).getQ().getEncoded(false);
    }

    @Override
    public byte[] decapsulate(byte[] encapsulated) {
        if (encapsulated.length != ENCAPSULATION_LENGTH || encapsulated[0] != 0x04) {
            throw new MalformedDataException("DHKEM P-384 encapsulation must be a 97-byte uncompressed point");
        }
        try {
            return hpke().setupBaseR(encapsulated, pair(), INFO).export(INFO, SECRET_LENGTH);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MalformedDataException("DHKEM P-384 encapsulation is not a valid point", e);
        }
    }

    private AsymmetricCipherKeyPair pair() {
        AsymmetricCipherKeyPair pair = keyPair;
        if (pair == null) {
            throw new IllegalStateException("KEM key was destroyed");
        }
        return pair;
    }

    @Override
    public void destroy() {
        keyPair = null;
    }
}
