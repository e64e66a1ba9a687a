package org.opentokens.powerauth.token.domain.secret;

/**
 * The one way to obtain a {@link SecretAccess}. Every call site is a place where raw secret bytes leave
 * their wrapper, so keep them few: the domain's own crypto and the storage adapters.
 */
public final class InsecureSecretAccess {
    private InsecureSecretAccess() {
    }

    /** @return the access token */
    public static SecretAccess get() {
        return SecretAccess.INSTANCE;
    }
}
