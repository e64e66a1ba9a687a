package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.util.Locale;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;

/** The OS keychains the keyring adapter supports; each is chosen explicitly, never by probing. */
public enum KeyringPlatform {
    /** The freedesktop Secret Service (gnome-keyring, KeePassXC, KWallet 5.97+) through libsecret. */
    LINUX_SECRET_SERVICE,
    /** The default macOS keychain, through java-keyring's {@code OSX_KEYCHAIN} back-end. */
    MACOS_KEYCHAIN,
    /** The Windows Credential Manager, through java-keyring's {@code WINDOWS_CREDENTIAL_STORE} back-end. */
    WINDOWS_CREDENTIAL_MANAGER;

    /**
     * @return the platform of the running OS, from {@code os.name}
     * @throws StorageUnavailableException on any other OS
     */
    public static KeyringPlatform current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            return LINUX_SECRET_SERVICE;
        }
        if (os.startsWith("mac")) {
            return MACOS_KEYCHAIN;
        }
        if (os.startsWith("windows")) {
            return WINDOWS_CREDENTIAL_MANAGER;
        }
        throw new StorageUnavailableException("no supported OS keychain on " + os);
    }
}
