package org.opentokens.powerauth.token.domain.internal.v4.kem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wultra.security.powerauth.crypto.lib.v4.api.SharedSecret;
import com.wultra.security.powerauth.crypto.lib.v4.model.context.DefaultSharedSecretClientContext;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.DefaultSharedSecretRequest;
import com.wultra.security.powerauth.crypto.lib.v4.model.request.RequestCryptogram;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.DefaultSharedSecretResponse;
import com.wultra.security.powerauth.crypto.lib.v4.model.response.ResponseCryptogram;
import com.wultra.security.powerauth.crypto.lib.v4.sharedsecret.SharedSecretFactory;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPrivateKeyParameters;
import org.bouncycastle.pqc.crypto.mlkem.MLKEMPublicKeyParameters;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.V4Oracle;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;

/**
 * Shared-secret establishment both ways against Wultra 2.0.1's {@code SharedSecretFactory}, for every algorithm with
 * KEMs: our requests answered by its server give its server's secret; and from its client's own key pairs and its
 * server's response we compute its client's secret.
 */
class SharedSecretOracleTest {
    /** Cases per algorithm: 500 in all one way, 250 the other; post-quantum key generation makes more slow. */
    private static final int CASES = 100;

    @BeforeAll
    static void provider() {
        V4Oracle.ensureProvider();
    }

    @ParameterizedTest
    @EnumSource(value = SharedSecretAlgorithm.class, names = "EC_P256", mode = EnumSource.Mode.EXCLUDE)
    void wultrasServerAnswersOurRequestsWithTheSecretWeCompute(SharedSecretAlgorithm algorithm) throws Exception {
        var theirAlgorithm = wultra(algorithm);
        SharedSecret server = SharedSecretFactory.forAlgorithm(theirAlgorithm);
        for (int i = 0; i < CASES; i++) {
            SharedSecretContext ours = SharedSecretContext.create(algorithm, V4Oracle.secureRandom(algorithm.ordinal() * 1000L + i));
            SharedSecretRequest request = ours.request();
            assertThat(request.encapsulationKeys()).hasSize(algorithm.kemCount());
            ResponseCryptogram answer = server.generateResponseCryptogram(
                    new DefaultSharedSecretRequest(theirAlgorithm, request.encapsulationKeys()));
            DefaultSharedSecretResponse response = (DefaultSharedSecretResponse) answer.getSharedSecretResponse();
            V4SymmetricKey secret = ours.computeSharedSecret(
                    new SharedSecretResponse(response.getSalt(), response.getEncapsulatedKeys()));
            assertThat(V4Oracle.raw(secret)).as("%s case %d", algorithm, i).isEqualTo(answer.getSecretKey().getEncoded());
        }
    }

    @ParameterizedTest
    @EnumSource(value = SharedSecretAlgorithm.class, names = "EC_P256", mode = EnumSource.Mode.EXCLUDE)
    void fromWultrasClientKeysWeComputeWultrasClientSecret(SharedSecretAlgorithm algorithm) throws Exception {
        SharedSecret wultra = SharedSecretFactory.forAlgorithm(wultra(algorithm));
        for (int i = 0; i < CASES / 2; i++) { // 50 per algorithm, 250 in all
            RequestCryptogram request = wultra.generateRequestCryptogram();
            ResponseCryptogram answer = wultra.generateResponseCryptogram(request.getSharedSecretRequest());
            var theirSecret = wultra.computeSharedSecret(request.getSharedSecretClientContext(), answer.getSharedSecretResponse());
            SharedSecretContext ours = imported(algorithm,
                    ((DefaultSharedSecretClientContext) request.getSharedSecretClientContext()).getDecapsulationKeys());
            assertThat(ours.request().encapsulationKeys()).as("%s case %d", algorithm, i)
                    .isEqualTo(((DefaultSharedSecretRequest) request.getSharedSecretRequest()).getEncapsulationKeys());
            DefaultSharedSecretResponse response = (DefaultSharedSecretResponse) answer.getSharedSecretResponse();
            V4SymmetricKey secret = ours.computeSharedSecret(
                    new SharedSecretResponse(response.getSalt(), response.getEncapsulatedKeys()));
            assertThat(V4Oracle.raw(secret)).as("%s case %d", algorithm, i).isEqualTo(theirSecret.getEncoded());
        }
    }

    @Test
    void combinerMatchesTheFormulaForRandomSecrets() throws Exception {
        // The combiner alone, against a re-statement with Wultra's Kmac: salt-keyed KMAC over BE32(1) || LV(ss..) || info.
        Random r = new Random(4501);
        for (int i = 0; i < V4Oracle.CASES; i++) {
            SharedSecretAlgorithm a = SharedSecretAlgorithm.values()[1 + r.nextInt(5)];
            byte[] salt = V4Oracle.bytes(r, 32);
            byte[][] secrets = new byte[a.kemCount()][];
            for (int k = 0; k < secrets.length; k++) {
                secrets[k] = V4Oracle.bytes(r, k == 0 && a.name().startsWith("EC") ? 48 : 32);
            }
            byte[] expected = com.wultra.security.powerauth.crypto.lib.v4.kdf.Kmac.kmac256(salt,
                    com.wultra.security.powerauth.crypto.lib.util.ByteUtils.concat(
                            com.wultra.security.powerauth.crypto.lib.util.ByteUtils.encodeInt(1),
                            com.wultra.security.powerauth.crypto.lib.util.ByteUtils.concatWithSizes(secrets),
                            com.wultra.security.powerauth.crypto.lib.util.ByteUtils.concatStrings(
                                    "shared-secret/" + a.name(), "4.0")),
                    "KDF".getBytes(java.nio.charset.StandardCharsets.UTF_8), 32);
            assertThat(SharedSecretContext.combine(a, salt, secrets)).as("case %d", i).isEqualTo(expected);
        }
    }

    @Test
    void malformedResponsesFailWithTypedErrors() throws Exception {
        SharedSecretContext ours = SharedSecretContext.create(SharedSecretAlgorithm.EC_P384_ML_L3, V4Oracle.secureRandom(9));
        ResponseCryptogram answer = SharedSecretFactory.getHybridMlL3().generateResponseCryptogram(
                new DefaultSharedSecretRequest(wultra(SharedSecretAlgorithm.EC_P384_ML_L3), ours.request().encapsulationKeys()));
        DefaultSharedSecretResponse good = (DefaultSharedSecretResponse) answer.getSharedSecretResponse();
        List<String> keys = good.getEncapsulatedKeys();
        String salt = good.getSalt();
        List<SharedSecretResponse> bad = List.of(
                new SharedSecretResponse(null, keys),
                new SharedSecretResponse("AAAA", keys),
                new SharedSecretResponse(salt, null),
                new SharedSecretResponse(salt, keys.subList(0, 1)),
                new SharedSecretResponse(salt, List.of(keys.get(1), keys.get(0))),
                new SharedSecretResponse(salt, List.of("%%%", keys.get(1))),
                new SharedSecretResponse(salt, List.of(keys.get(0), "AAAA")),
                new SharedSecretResponse(salt, List.of(Base64.getEncoder().encodeToString(offCurvePoint()), keys.get(1))));
        for (SharedSecretResponse response : bad) {
            assertThatThrownBy(() -> ours.computeSharedSecret(response)).isInstanceOf(MalformedDataException.class);
        }
        assertThat(V4Oracle.raw(ours.computeSharedSecret(new SharedSecretResponse(salt, keys))))
                .isEqualTo(answer.getSecretKey().getEncoded());
        assertThat(ours.toString()).isEqualTo("SharedSecretContext[EC_P384_ML_L3, private keys redacted]");
        ours.destroy();
        assertThatThrownBy(ours::request).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SharedSecretContext.create(SharedSecretAlgorithm.EC_P256, V4Oracle.secureRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SharedSecretAlgorithm.fromWireValue("RSA")).isInstanceOf(MalformedDataException.class);
    }

    /** Our context over Wultra's client private keys (test-only import, in this package). */
    private static SharedSecretContext imported(SharedSecretAlgorithm algorithm, List<PrivateKey> privateKeys) throws Exception {
        List<KemKeyPair> keys = new ArrayList<>();
        for (PrivateKey key : privateKeys) {
            if (key.getAlgorithm().startsWith("EC")) {
                var ec = (ECPrivateKeyParameters) org.bouncycastle.crypto.util.PrivateKeyFactory.createKey(key.getEncoded());
                byte[] d = BigIntegers.asUnsignedByteArray(48, ec.getD());
                AsymmetricCipherKeyPair pair = DhKemP384.hpke().deserializePrivateKey(d,
                        ec.getParameters().getG().multiply(ec.getD()).normalize().getEncoded(false));
                keys.add(new DhKemP384(pair));
            } else {
                MLKEMPrivateKeyParameters ml = (MLKEMPrivateKeyParameters)
                        org.bouncycastle.pqc.crypto.util.PrivateKeyFactory.createKey(key.getEncoded());
                keys.add(new MlKem(new MLKEMPublicKeyParameters(ml.getParameters(), ml.getPublicKey()), ml));
            }
        }
        return new SharedSecretContext(algorithm, keys);
    }

    private static com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm wultra(SharedSecretAlgorithm a) {
        return com.wultra.security.powerauth.crypto.lib.v4.model.context.SharedSecretAlgorithm.valueOf(a.name());
    }

    private static byte[] offCurvePoint() {
        byte[] p = new byte[97];
        p[0] = 4;
        p[1] = 1;
        p[96] = 1;
        return p;
    }
}
