package org.opentokens.powerauth.token.domain.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.EcKeyPair;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

class ActivationRecordTest {
    private static final SecureRandom RANDOM = new SecureRandom(new byte[] {7});
    private static final byte[] POSSESSION = HexFormat.of().parseHex("0102030405060708090a0b0c0d0e0f10");
    private static final byte[] TRANSPORT = HexFormat.of().parseHex("a1a2a3a4a5a6a7a8a9aaabacadaeafb0");

    private static ActivationRecord sample(byte[] biometry) {
        EcKeyPair server = P256.generateKeyPair(RANDOM);
        EcKeyPair device = P256.generateKeyPair(RANDOM);
        return ActivationRecord.builder()
                .activationId("c8a8a2b4-3c52-4c5e-9d7c-1f2e3d4c5b6a")
                .publicKeys(server.publicKey(), device.publicKey())
                .keys(SymmetricKey.of(POSSESSION), SymmetricKey.of(TRANSPORT))
                .knowledge(new byte[16], new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 10_000)
                .biometry(biometry)
                .encryptedDevicePrivateKey(new byte[48])
                .counter(HashCounter.of(new byte[16], 7))
                .build();
    }

    @Test
    void roundTripsEveryField() {
        ActivationRecord original = sample(new byte[16]).withServerState(ActivationState.ACTIVE);

        ActivationRecord decoded = ActivationRecord.decode(original.encode());

        assertThat(decoded.activationId()).isEqualTo(original.activationId());
        assertThat(decoded.serverPublicKey()).isEqualTo(original.serverPublicKey());
        assertThat(decoded.devicePublicKey()).isEqualTo(original.devicePublicKey());
        assertThat(decoded.possessionKey().sameKeyAs(SymmetricKey.of(POSSESSION))).isTrue();
        assertThat(decoded.transportKey().sameKeyAs(SymmetricKey.of(TRANSPORT))).isTrue();
        assertThat(decoded.knowledgeSalt()).isEqualTo(original.knowledgeSalt());
        assertThat(decoded.knowledgeIterations()).isEqualTo(10_000);
        assertThat(decoded.hasBiometry()).isTrue();
        assertThat(decoded.encryptedDevicePrivateKey()).hasSize(48);
        assertThat(decoded.counter().sameCounterAs(original.counter())).isTrue();
        assertThat(decoded.counter().ctrByte()).isEqualTo(7);
        assertThat(decoded.serverState()).contains(ActivationState.ACTIVE);
    }

    @Test
    void anAbsentBiometryKeyAndStateStayAbsent() {
        ActivationRecord decoded = ActivationRecord.decode(sample(null).encode());
        assertThat(decoded.hasBiometry()).isFalse();
        assertThat(decoded.protectedBiometryKey()).isEmpty();
        assertThat(decoded.serverState()).isEmpty();
    }

    @Test
    void withCounterReplacesOnlyTheCounter() {
        ActivationRecord original = sample(null);
        HashCounter next = original.counter().next();

        ActivationRecord advanced = original.withCounter(next);

        assertThat(advanced.counter().sameCounterAs(next)).isTrue();
        assertThat(original.counter().sameCounterAs(next)).isFalse();
        assertThat(advanced.possessionKey().sameKeyAs(SymmetricKey.of(POSSESSION))).isTrue();
    }

    @Test
    void everyTruncationIsATypedError() {
        byte[] encoded = sample(null).encode().copyBytes(InsecureSecretAccess.get());
        for (int length = 0; length < encoded.length; length++) {
            SecretBytes cut = SecretBytes.copyOf(Arrays.copyOf(encoded, length));
            assertThatThrownBy(() -> ActivationRecord.decode(cut)).isInstanceOf(MalformedDataException.class);
        }
    }

    @Test
    void wrongSizedKeysAreRejectedAtBuildTime() {
        assertThatThrownBy(() -> ActivationRecord.builder()
                .activationId("a").publicKeys(P256.generateKeyPair(RANDOM).publicKey(), P256.generateKeyPair(RANDOM).publicKey())
                .keys(SymmetricKey.of(POSSESSION), SymmetricKey.of(TRANSPORT))
                .knowledge(new byte[15], new byte[16], 1).encryptedDevicePrivateKey(new byte[48])
                .counter(HashCounter.of(new byte[16])).build())
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        String text = sample(null).toString();
        assertThat(text).doesNotContain(HexFormat.of().formatHex(POSSESSION))
                .doesNotContain(Base64.getEncoder().encodeToString(TRANSPORT)).contains("redacted");
    }
}
