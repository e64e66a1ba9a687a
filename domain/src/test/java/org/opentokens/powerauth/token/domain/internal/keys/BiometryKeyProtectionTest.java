package org.opentokens.powerauth.token.domain.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;

class BiometryKeyProtectionTest {
    private static final SymmetricKey BIOMETRY = SymmetricKey.of(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
    private static final SymmetricKey HOST = SymmetricKey.of(HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100"));

    @Test
    void theHostKeyUnlocksWhatItProtected() {
        byte[] protectedKey = BiometryKeyProtection.protect(BIOMETRY, HOST);

        assertThat(protectedKey).hasSize(16).isNotEqualTo(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
        assertThat(BiometryKeyProtection.unprotect(protectedKey, HOST).sameKeyAs(BIOMETRY)).isTrue();
    }

    @Test
    void aWrongHostKeyYieldsAWrongKeyWithoutAnError() {
        byte[] protectedKey = BiometryKeyProtection.protect(BIOMETRY, HOST);
        SymmetricKey other = SymmetricKey.of(new byte[16]);
        assertThat(BiometryKeyProtection.unprotect(protectedKey, other).sameKeyAs(BIOMETRY)).isFalse();
    }

    @Test
    void aProtectedKeyOfTheWrongSizeIsRejected() {
        assertThatThrownBy(() -> BiometryKeyProtection.unprotect(new byte[15], HOST))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void copiesOfAKeyAreIndependent() {
        SymmetricKey copy = BIOMETRY.copy();
        copy.destroy();
        assertThat(BIOMETRY.isDestroyed()).isFalse();
        assertThat(BIOMETRY.copy().sameKeyAs(BIOMETRY)).isTrue();
    }
}
