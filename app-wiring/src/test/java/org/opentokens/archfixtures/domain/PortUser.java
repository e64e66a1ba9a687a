package org.opentokens.archfixtures.domain;

import org.opentokens.archfixtures.port.out.ThingStore;

/** Violates the onion: the domain depends on a port. */
public final class PortUser {
    public ThingStore store() {
        return null;
    }
}
