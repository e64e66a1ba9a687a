package org.opentokens.powerauth.token.domain.secret;

/** Proof that the caller is allowed to see raw secret bytes. Obtain it from {@link InsecureSecretAccess#get()}. */
public final class SecretAccess {
    static final SecretAccess INSTANCE = new SecretAccess();

    private SecretAccess() {
    }

    @Override
    public String toString() {
        return "SecretAccess";
    }
}
