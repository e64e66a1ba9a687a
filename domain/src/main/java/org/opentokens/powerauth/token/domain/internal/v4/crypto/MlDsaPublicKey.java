package org.opentokens.powerauth.token.domain.internal.v4.crypto;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSAPublicKeyParameters;
import org.bouncycastle.pqc.crypto.mldsa.MLDSASigner;
import org.bouncycastle.pqc.crypto.util.PublicKeyFactory;
import org.bouncycastle.pqc.crypto.util.SubjectPublicKeyInfoFactory;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;

/**
 * A FIPS 204 ML-DSA-65 or ML-DSA-87 public key (protocol 4.0 hybrid server and device keys), carried as X.509
 * SubjectPublicKeyInfo DER, with pure-mode verification (empty context). Equality is by encoding. Thread-safe.
 */
public final class MlDsaPublicKey {
    /** The parameter sets protocol 4.0 uses. */
    public enum Level {
        /** ML-DSA-65, with {@code EC_P384_ML_L3}. */
        ML_DSA_65("ML-DSA-65"),
        /** ML-DSA-87, with {@code EC_P384_ML_L5}. */
        ML_DSA_87("ML-DSA-87");

        private final String joseName;

        Level(String joseName) {
            this.joseName = joseName;
        }

        /** @return the JWS {@code alg} name, e.g. {@code "ML-DSA-65"} */
        public String joseName() {
            return joseName;
        }

        MLDSAParameters parameters() {
            return this == ML_DSA_65 ? MLDSAParameters.ml_dsa_65 : MLDSAParameters.ml_dsa_87;
        }
    }

    private final MLDSAPublicKeyParameters key;
    private final Level level;
    private final byte[] encoded;

    MlDsaPublicKey(MLDSAPublicKeyParameters key) {
        this.key = key;
        MLDSAParameters p = key.getParameters();
        if (p.equals(MLDSAParameters.ml_dsa_65)) {
            level = Level.ML_DSA_65;
        } else if (p.equals(MLDSAParameters.ml_dsa_87)) {
            level = Level.ML_DSA_87;
        } else {
            throw new MalformedDataException("ML-DSA public key must be ML-DSA-65 or ML-DSA-87");
        }
        try {
            encoded = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(key).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an ML-DSA public key", e);
        }
    }

    /**
     * @param spki X.509 SubjectPublicKeyInfo DER
     * @return the key
     * @throws MalformedDataException if the bytes are not an ML-DSA-65/87 SubjectPublicKeyInfo
     */
    public static MlDsaPublicKey fromBytes(byte[] spki) {
        Objects.requireNonNull(spki, "spki");
        AsymmetricKeyParameter parsed;
        try {
            parsed = PublicKeyFactory.createKey(spki);
        } catch (IOException | RuntimeException e) {
            throw new MalformedDataException("ML-DSA public key is not valid SubjectPublicKeyInfo", e);
        }
        if (!(parsed instanceof MLDSAPublicKeyParameters mldsa)) {
            throw new MalformedDataException("public key is not an ML-DSA key");
        }
        return new MlDsaPublicKey(mldsa);
    }

    /**
     * @param base64 standard Base64 of the SubjectPublicKeyInfo
     * @return the key
     * @throws MalformedDataException if not Base64 or not a valid key
     */
    public static MlDsaPublicKey fromBase64(String base64) {
        return fromBytes(B64.decode(base64, "ML-DSA public key"));
    }

    /** @return the parameter set */
    public Level level() {
        return level;
    }

    /** @return the SubjectPublicKeyInfo DER encoding (what fingerprints and requests use) */
    public byte[] encoded() {
        return encoded.clone();
    }

    /**
     * @param data the signed data
     * @param signature the raw FIPS 204 signature
     * @throws CryptoFailureException with {@code SIGNATURE_INVALID} if it does not verify
     */
    public void verify(byte[] data, byte[] signature) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(signature, "signature");
        MLDSASigner signer = new MLDSASigner();
        signer.init(false, key);
        signer.update(data, 0, data.length);
        boolean ok;
        try {
            ok = signer.verifySignature(signature);
        } catch (RuntimeException e) {
            ok = false;
        }
        if (!ok) {
            throw new CryptoFailureException(CryptoFailureException.Reason.SIGNATURE_INVALID, "ML-DSA signature is invalid");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlDsaPublicKey other && Arrays.equals(encoded, other.encoded);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(encoded);
    }

    @Override
    public String toString() {
        return "MlDsaPublicKey[" + level.joseName() + "]";
    }
}
