package org.opentokens.archfixtures.application;

import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretAccess;

/** Violates: InsecureSecretAccess.get() only in the domain and storage adapters. */
public final class SecretUnwrapper {
    public SecretAccess access() {
        return InsecureSecretAccess.get();
    }
}
