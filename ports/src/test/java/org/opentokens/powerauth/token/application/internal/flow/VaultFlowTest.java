package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.crypto.lib.util.SignatureUtils;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;

/**
 * Vault unlock against the emulator (Wultra's {@code PowerAuthServerVault} on the server side); the device
 * signature is checked with Wultra's {@code SignatureUtils} and the device public key the server received.
 */
class VaultFlowTest {
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    private static PowerAuthAuthentication twoFactor() {
        return PowerAuthAuthentication.possessionWithPassword(Testbed.PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_0", "V3_1", "V3_2", "V3_3"})
    void theDeviceSignatureVerifiesWithTheDevicePublicKeyTheServerHolds(ProtocolVersion version) throws Exception {
        Testbed.Client client = bed.client("v" + version, version);
        String id = client.activate();
        byte[] data = "document to sign".getBytes(StandardCharsets.UTF_8);
        HashCounter before = client.storedRecord().counter();

        byte[] signature = client.vault.signDataWithDevicePrivateKey(twoFactor(), data).join();

        PublicKey device = new KeyConvertor().convertBytesToPublicKey(
                Base64.getDecoder().decode(bed.emulator.activation(id).devicePublicKeyBase64()));
        assertThat(new SignatureUtils().validateECDSASignature(data, signature, device)).isTrue();
        assertThat(new SignatureUtils().validateECDSASignature("other".getBytes(StandardCharsets.UTF_8), signature,
                device)).isFalse();
        assertThat(client.storedRecord().counter().sameCounterAs(before.next())).isTrue();
        assertThat(bed.emulator.activation(id).counter()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = ProtocolVersion.class, names = {"V3_0", "V3_3"})
    void anEncryptionKeyIsStablePerIndexAndDiffersBetweenIndexes(ProtocolVersion version) {
        Testbed.Client client = bed.client("k" + version, version);
        client.activate();

        byte[] first = client.vault.fetchEncryptionKey(twoFactor(), 1000).join();
        byte[] again = client.vault.fetchEncryptionKey(twoFactor(), 1000).join();
        byte[] other = client.vault.fetchEncryptionKey(twoFactor(), 1001).join();

        assertThat(first).hasSize(16).isEqualTo(again).isNotEqualTo(other);
    }

    @Test
    void aWrongPasswordIsRefusedAndCounted() {
        Testbed.Client client = bed.client();
        String id = client.activate();

        Throwable failure = Testbed.failure(client.vault.fetchEncryptionKey(
                PowerAuthAuthentication.possessionWithPassword("0000".toCharArray()), 1));

        assertThat(failure).isInstanceOf(ServerRejectedException.class);
        assertThat(((ServerRejectedException) failure).httpStatus()).isEqualTo(401);
        assertThat(bed.emulator.activation(id).failedAttempts()).isEqualTo(1);
    }

    @Test
    void possessionAloneDoesNotUnlockTheVault() {
        Testbed.Client client = bed.client();
        String id = client.activate();

        Throwable failure = Testbed.failure(client.vault.signDataWithDevicePrivateKey(
                PowerAuthAuthentication.possession(), new byte[] {1}));

        assertThat(((ServerRejectedException) failure).httpStatus()).isEqualTo(401);
        assertThat(bed.emulator.activation(id).counter()).isZero();
    }
}
