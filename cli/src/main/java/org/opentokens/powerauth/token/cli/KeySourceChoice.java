package org.opentokens.powerauth.token.cli;

/** Where the key of the CLI's encrypted store comes from ({@code --key-source}). */
enum KeySourceChoice {
    /** A passphrase if one is given, else the OS keychain if it answers, else a passphrase typed in the terminal. */
    AUTO,
    /** A random key kept in the OS keychain. */
    KEYCHAIN,
    /** A key derived from a passphrase (PBKDF2-HMAC-SHA256). */
    PASSPHRASE,
    /**
     * A random 256-bit key the user keeps elsewhere (a secrets manager, a CI secret), given as Base64 in
     * {@code $POWERAUTH_TOKEN_STORE_KEY}: no keychain and no key derivation.
     */
    KEY
}
