package org.opentokens.powerauth.token.adapter.storage.keyring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.KeyringStorageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/**
 * What can be checked of the macOS and Windows back-ends away from those systems: they refuse cleanly (not
 * with a missing class, although java-keyring's Linux back-end is excluded from the build), and their error
 * messages are read as documented.
 */
class OtherOsKeychainsTest {
    @ParameterizedTest
    @EnumSource(value = KeyringPlatform.class, names = {"MACOS_KEYCHAIN", "WINDOWS_CREDENTIAL_MANAGER"})
    @EnabledOnOs(OS.LINUX)
    void anotherOsKeychainIsUnavailableBecauseJavaKeyringRefusesIt(KeyringPlatform platform) {
        assertThatThrownBy(() -> KeyringSecureStorage.builder("svc").platform(platform).open())
                .isInstanceOf(StorageUnavailableException.class)
                .hasCauseInstanceOf(BackendNotSupportedException.class);
    }

    @Test
    void windowsMessagesForAMissingCredentialMeanAbsent() {
        KeyringStorageType windows = KeyringStorageType.WINDOWS_CREDENTIAL_STORE;
        assertThat(JavaKeyringErrors.meansMissing(windows, "Error code 1168")).isTrue();
        assertThat(JavaKeyringErrors.meansMissing(windows, "Password not Found")).isTrue();
        assertThat(JavaKeyringErrors.meansMissing(windows, "Error code 5")).isFalse();
        assertThat(JavaKeyringErrors.meansMissing(windows, null)).isFalse();
        assertThat(JavaKeyringErrors.locked(windows, "Error code 5")).isFalse();
    }

    @Test
    void macosMessagesTellAbsentFromLocked() {
        KeyringStorageType mac = KeyringStorageType.OSX_KEYCHAIN;
        assertThat(JavaKeyringErrors.meansMissing(mac, "No stored credentials match svc account: ns:x")).isTrue();
        assertThat(JavaKeyringErrors.meansMissing(mac, "No password to delete. No stored credentials match")).isTrue();
        assertThat(JavaKeyringErrors.meansMissing(mac, "Failed to get credential. -25308")).isFalse();
        assertThat(JavaKeyringErrors.locked(mac, "Failed to get credential. -25308")).isTrue();
        assertThat(JavaKeyringErrors.locked(mac, "Failed to set credential. -25293")).isTrue();
        assertThat(JavaKeyringErrors.locked(mac, "Failed to set credential. -34")).isFalse();
    }

    @Test
    void windowsItemsAreSizedForTheCredentialBlobLimit() {
        // 2560-byte blob, UTF-16LE text: 1280 Base64 characters carry 960 bytes.
        int base64Chars = (KeyringBackends.WINDOWS_MAX_ITEM_BYTES + 2) / 3 * 4;
        assertThat(base64Chars * 2).isLessThanOrEqualTo(2560);
    }
}
