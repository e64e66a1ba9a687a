package org.opentokens.powerauth.token.domain.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.client.signature.PowerAuthClientSignature;
import io.getlime.security.powerauth.crypto.lib.config.SignatureConfiguration;
import io.getlime.security.powerauth.crypto.server.signature.PowerAuthServerSignature;
import io.getlime.security.powerauth.http.PowerAuthHttpBody;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Oracle: base string with app secret "offline" and method POST, then Wultra's decimal signature. */
class OfflineSignatureTest {
    private static final int CASES = 300;
    private static final PowerAuthSignatureType[] OFFLINE_TYPES = {PowerAuthSignatureType.POSSESSION,
        PowerAuthSignatureType.POSSESSION_KNOWLEDGE, PowerAuthSignatureType.POSSESSION_BIOMETRY};

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    @Test
    void matchesWultraAndIsAcceptedByTheServerForRandomOfflineData() throws Exception {
        SecureRandom random = Oracle.seeded(81);
        PowerAuthClientSignature client = new PowerAuthClientSignature();
        PowerAuthServerSignature server = new PowerAuthServerSignature();
        for (int i = 0; i < CASES; i++) {
            PowerAuthSignatureType type = OFFLINE_TYPES[i % OFFLINE_TYPES.length];
            int length = 4 + random.nextInt(5);
            SymmetricKey p = Oracle.key(random);
            SymmetricKey k = Oracle.key(random);
            SymmetricKey b = Oracle.key(random);
            byte[] ctr = Oracle.bytes(random, 16);
            byte[] nonce = Oracle.bytes(random, 16);
            byte[] body = ("operation-" + i + "&amount=" + random.nextInt(10_000)).getBytes(StandardCharsets.UTF_8);
            String uriId = "/operation/authorize/offline";

            String ours = i % 2 == 0
                    ? OfflineSignature.compute(type, SignatureKeys.of(p, k, b), ctr, uriId, nonce, body, length)
                    : OfflineSignature.compute(type, SignatureKeys.of(p, k, b), ctr, uriId, nonce, body);
            int expectedLength = i % 2 == 0 ? length : 8;

            byte[] data = (PowerAuthHttpBody.getSignatureBaseString("POST", uriId, nonce, body) + "&offline")
                    .getBytes(StandardCharsets.UTF_8);
            List<SecretKey> theirKeys = Oracle.keys(type, p, k, b);
            SignatureConfiguration config = SignatureConfiguration.decimal(expectedLength);
            assertThat(ours).isEqualTo(client.signatureForData(data, theirKeys, ctr, config));
            assertThat(server.verifySignatureForData(data, ours, theirKeys, ctr, config)).isTrue();
        }
    }

    @Test
    void rejectsBadNonceCounterAndComponentLength() {
        SignatureKeys keys = SignatureKeys.possessionOnly(SymmetricKey.of(new byte[16]));
        PowerAuthSignatureType t = PowerAuthSignatureType.POSSESSION;
        assertThatThrownBy(() -> OfflineSignature.compute(t, keys, new byte[16], "/x", new byte[15], null))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> OfflineSignature.compute(t, keys, new byte[17], "/x", new byte[16], null))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> OfflineSignature.compute(t, keys, new byte[16], "/x", new byte[16], null, 9))
                .isInstanceOf(MalformedDataException.class);
    }
}
