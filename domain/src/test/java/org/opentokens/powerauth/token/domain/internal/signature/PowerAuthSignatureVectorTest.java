package org.opentokens.powerauth.token.domain.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors.Vector;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors;

/**
 * Vectors: signatures-v3.json (DECIMAL, 8 digits), signatures-v31.json (BASE64) and signatures-offline.json
 * (DECIMAL with signatureComponentLength), from Wultra powerauth-crypto test vectors. {@code data} is the raw
 * signed bytes.
 */
class PowerAuthSignatureVectorTest {
    static Stream<Vector> v3() {
        return TestVectors.load("signatures-v3.json").stream();
    }

    static Stream<Vector> v31() {
        return TestVectors.load("signatures-v31.json").stream();
    }

    static Stream<Vector> offline() {
        return TestVectors.load("signatures-offline.json").stream();
    }

    @ParameterizedTest
    @MethodSource("v3")
    void computesEveryVersion30DecimalVector(Vector v) {
        assertThat(PowerAuthSignature.compute(type(v), keys(v), v.inBytes("counterData"), v.inBytes("data"),
                SignatureFormat.DECIMAL)).isEqualTo(v.out("signature"));
        assertThat(PowerAuthSignature.compute(type(v), keys(v), v.inBytes("counterData"), v.inBytes("data"),
                ProtocolVersion.V3_0)).isEqualTo(v.out("signature"));
    }

    @ParameterizedTest
    @MethodSource("v31")
    void computesEveryVersion31Base64Vector(Vector v) {
        assertThat(PowerAuthSignature.compute(type(v), keys(v), v.inBytes("counterData"), v.inBytes("data"),
                SignatureFormat.BASE64)).isEqualTo(v.out("signature"));
        assertThat(PowerAuthSignature.compute(type(v), keys(v), v.inBytes("counterData"), v.inBytes("data"),
                ProtocolVersion.V3_1)).isEqualTo(v.out("signature"));
    }

    @ParameterizedTest
    @MethodSource("offline")
    void computesEveryOfflineDecimalVectorWithItsComponentLength(Vector v) {
        int length = Integer.parseInt(v.in("signatureComponentLength"));
        assertThat(PowerAuthSignature.compute(type(v), keys(v), v.inBytes("counterData"), v.inBytes("data"),
                SignatureFormat.DECIMAL, length)).isEqualTo(v.out("signature"));
    }

    private static PowerAuthSignatureType type(Vector v) {
        return PowerAuthSignatureType.fromWireValue(v.in("signatureType"));
    }

    private static SignatureKeys keys(Vector v) {
        return SignatureKeys.of(SymmetricKey.fromBase64(v.in("signaturePossessionKey")),
                SymmetricKey.fromBase64(v.in("signatureKnowledgeKey")),
                SymmetricKey.fromBase64(v.in("signatureBiometryKey")));
    }
}
