package org.opentokens.archfixtures.examples;

import org.opentokens.archfixtures.internal.Hidden;

/** Violates "examples use no internals": host-like code reaching into an internal package. */
public final class InternalUser {
    public Object use() {
        return new Hidden();
    }
}
