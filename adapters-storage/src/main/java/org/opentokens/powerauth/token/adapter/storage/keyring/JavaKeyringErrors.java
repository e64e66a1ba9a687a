package org.opentokens.powerauth.token.adapter.storage.keyring;

import com.github.javakeyring.KeyringStorageType;
import java.util.Locale;

/**
 * Reads java-keyring 1.0.4's exception messages, its only failure detail (from its sources; not run here).
 * macOS: {@code "No stored credentials match ..."} and {@code "No password to delete. ..."} mean no item;
 * {@code errSecInteractionNotAllowed} (-25308) and {@code errSecAuthFailed} (-25293) mean a locked keychain.
 * Windows: {@code "Error code 1168"} (ERROR_NOT_FOUND) and {@code "Password not Found"} mean no item;
 * everything else is a failure.
 */
final class JavaKeyringErrors {
    private JavaKeyringErrors() {
    }

    static boolean meansMissing(KeyringStorageType type, String message) {
        String text = message == null ? "" : message;
        if (type == KeyringStorageType.WINDOWS_CREDENTIAL_STORE) {
            return text.equals("Error code 1168") || text.equals("Password not Found");
        }
        return text.startsWith("No stored credentials match") || text.startsWith("No password to delete.");
    }

    static boolean locked(KeyringStorageType type, String message) {
        String text = message == null ? "" : message;
        return type != KeyringStorageType.WINDOWS_CREDENTIAL_STORE
                && (text.contains("-25308") || text.contains("-25293") || text.toLowerCase(Locale.ROOT).contains("locked"));
    }
}
