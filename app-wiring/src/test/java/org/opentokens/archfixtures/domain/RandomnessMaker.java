package org.opentokens.archfixtures.domain;

import java.security.SecureRandom;

/** Violates: no ad-hoc randomness outside wiring. */
public final class RandomnessMaker {
    public int roll() {
        return new SecureRandom().nextInt();
    }
}
