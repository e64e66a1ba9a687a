package org.opentokens.archfixtures.domain;

/** Violates: no generic exceptions. */
public final class GenericThrower {
    public void fail() {
        throw new RuntimeException("generic");
    }
}
