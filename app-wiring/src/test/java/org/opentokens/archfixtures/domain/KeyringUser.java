package org.opentokens.archfixtures.domain;

import com.github.javakeyring.fixture.FakeKeyring;

/** Violates: keychain libraries only in the keyring adapter. */
public final class KeyringUser {
    public String read() {
        return new FakeKeyring().read("k");
    }
}
