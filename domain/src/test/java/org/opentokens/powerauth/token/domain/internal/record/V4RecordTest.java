package org.opentokens.powerauth.token.domain.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.keys.V4FactorKeyProtection;
import org.opentokens.powerauth.token.domain.internal.token.TokenSecret;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaKeyPair;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.MlDsaPublicKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384KeyPair;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.P384PrivateKey;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenHeader;
import org.opentokens.powerauth.token.domain.internal.v4.token.V4TokenSecret;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.domain.server.V4TokenHeaderParser;
import org.opentokens.powerauth.token.domain.server.V4TokenHeaderVerifier;

/** 4.0 records: they say their protocol, survive the storage encoding, and keep 3.x getters out of reach. */
class V4RecordTest {
    private final SecureRandom random = new SecureRandom();
    private final Random seeded = new Random(40);

    @Test
    void aHybridActivationRecordRoundTripsAndSaysItIsV4() {
        ActivationRecord record = v4Record(SharedSecretAlgorithm.EC_P384_ML_L3, true);

        SecretBytes encoded = record.encode();
        ActivationRecord decoded = ActivationRecord.decode(encoded);

        assertThat(decoded.isV4()).isTrue();
        assertThat(decoded.activationId()).isEqualTo(record.activationId());
        assertThat(decoded.v4().algorithm()).isEqualTo(SharedSecretAlgorithm.EC_P384_ML_L3);
        assertThat(decoded.v4().serverMlDsaKey()).isEqualTo(record.v4().serverMlDsaKey());
        assertThat(decoded.v4().fingerprint(decoded.activationId()))
                .isEqualTo(record.v4().fingerprint(record.activationId())).hasSize(8);
        assertThat(decoded.v4().possessionKey().sameKeyAs(record.v4().possessionKey())).isTrue();
        assertThat(decoded.v4().statusMacKey().sameKeyAs(record.v4().possessionKey())).isFalse();
        assertThat(decoded.v4Counter().sameCounterAs(record.v4Counter())).isTrue();
        assertThat(decoded.hasBiometry()).isTrue();
        assertThat(decoded.serverState()).contains(ActivationState.ACTIVE);
        assertThat(decoded.toString()).contains("4.0 EC_P384_ML_L3").doesNotContain("possession=");
    }

    @Test
    void anEcOnlyRecordHasNoMlDsaKeysAndRoundTrips() {
        ActivationRecord decoded = ActivationRecord.decode(v4Record(SharedSecretAlgorithm.EC_P384, false).encode());

        assertThat(decoded.v4().serverMlDsaKey()).isNull();
        assertThat(decoded.v4().deviceMlDsaKey()).isNull();
        assertThat(decoded.hasBiometry()).isFalse();
    }

    @Test
    void theCounterAdvancesAndIsStoredWithTheRecord() {
        ActivationRecord record = v4Record(SharedSecretAlgorithm.EC_P384, false);
        V4HashCounter next = record.v4Counter().next();

        ActivationRecord advanced = ActivationRecord.decode(record.withCounter(next).encode());

        assertThat(advanced.v4Counter().sameCounterAs(next)).isTrue();
        assertThat(advanced.v4Counter().ctrByte()).isEqualTo(1);
        assertThat(advanced.isV4()).isTrue();
    }

    @Test
    void threeXGettersAndCounterRefuseAV4Record() {
        ActivationRecord record = v4Record(SharedSecretAlgorithm.EC_P384, false);

        assertThatThrownBy(record::transportKey).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(record::possessionKey).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(record::serverPublicKey).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(record::counter).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTruncatedV4RecordIsMalformed() {
        byte[] raw = v4Record(SharedSecretAlgorithm.EC_P384_ML_L3, true).encode().copyBytes(InsecureSecretAccess.get());
        for (int cut : new int[] {6, raw.length / 2, raw.length - 1}) {
            SecretBytes truncated = SecretBytes.copyOf(Arrays.copyOf(raw, cut));
            assertThatThrownBy(() -> ActivationRecord.decode(truncated)).isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void aV4TokenRecordRoundTripsAndMakesHeadersTheServerAccepts() {
        byte[] raw = bytes(32);
        TokenId id = TokenId.of(UUID.randomUUID().toString());
        TokenRecord record = TokenRecord.ofV4("api", id, V4TokenSecret.of(raw), UUID.randomUUID().toString(),
                PowerAuthSignatureType.POSSESSION_KNOWLEDGE, 5L);

        TokenRecord decoded = TokenRecord.decode(record.encode());
        long now = 1_700_000_000_000L;
        String header = decoded.headerValue(null, bytes(16), now);

        assertThat(decoded.isV4()).isTrue();
        assertThat(decoded.sameTokenAs(record)).isTrue();
        assertThat(header).contains("version=\"4.0\"");
        new V4TokenHeaderVerifier().verify(V4TokenHeaderParser.parse(header), id, V4TokenSecret.of(raw), now);
        assertThatThrownBy(decoded::secret).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aV3AndAV4TokenWithTheSameFieldsAreNotTheSameToken() {
        TokenId id = TokenId.of(UUID.randomUUID().toString());
        TokenRecord v3 = TokenRecord.of("api", id, TokenSecret.of(bytes(16)), "a", PowerAuthSignatureType.POSSESSION, 1);
        TokenRecord v4 = TokenRecord.ofV4("api", id, V4TokenSecret.of(bytes(32)), "a",
                PowerAuthSignatureType.POSSESSION, 1);

        assertThat(v3.sameTokenAs(v4)).isFalse();
        assertThat(TokenRecord.decode(v3.encode()).isV4()).isFalse();
    }

    @Test
    void factorKeysUnprotectWithTheRightSecretOnlyAndNeverFailLocally() {
        V4SymmetricKey knowledge = V4SymmetricKey.of(bytes(32));
        byte[] salt = bytes(16);
        byte[] locked = V4FactorKeyProtection.protectKnowledge(knowledge, "1234".toCharArray(), salt, 10);

        assertThat(locked).hasSize(32);
        assertThat(V4FactorKeyProtection.unprotectKnowledge(locked, "1234".toCharArray(), salt, 10)
                .sameKeyAs(knowledge)).isTrue();
        assertThat(V4FactorKeyProtection.unprotectKnowledge(locked, "4321".toCharArray(), salt, 10)
                .sameKeyAs(knowledge)).isFalse();

        SymmetricKey host = SymmetricKey.of(bytes(16));
        byte[] lockedBiometry = V4FactorKeyProtection.protectBiometry(knowledge, host);
        assertThat(V4FactorKeyProtection.unprotectBiometry(lockedBiometry, host).sameKeyAs(knowledge)).isTrue();
        assertThatThrownBy(() -> V4FactorKeyProtection.unprotectBiometry(new byte[16], host))
                .isInstanceOf(MalformedDataException.class);
    }

    private ActivationRecord v4Record(SharedSecretAlgorithm algorithm, boolean biometry) {
        P384KeyPair server = P384PrivateKey.generate(random);
        P384KeyPair device = P384PrivateKey.generate(random);
        MlDsaPublicKey serverMl = null;
        MlDsaPublicKey deviceMl = null;
        if (algorithm.isPostQuantum()) {
            serverMl = MlDsaKeyPair.generate(MlDsaPublicKey.Level.ML_DSA_65, random).publicKey();
            deviceMl = MlDsaKeyPair.generate(MlDsaPublicKey.Level.ML_DSA_65, random).publicKey();
        }
        V4ActivationData data = new V4ActivationData(algorithm, server.publicKey(), serverMl, device.publicKey(),
                deviceMl, key(), key(), key(), key(), key());
        return ActivationRecord.builder()
                .activationId(UUID.randomUUID().toString())
                .v4(data)
                .knowledge(bytes(32), bytes(16), 10)
                .biometry(biometry ? bytes(32) : null)
                .counter(V4HashCounter.of(bytes(32), 0))
                .serverState(ActivationState.ACTIVE)
                .build();
    }

    private SecretBytes key() {
        return SecretBytes.copyOf(bytes(32));
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        seeded.nextBytes(b);
        return b;
    }
}
