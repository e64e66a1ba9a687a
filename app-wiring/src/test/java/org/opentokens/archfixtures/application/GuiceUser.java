package org.opentokens.archfixtures.application;

import com.google.inject.Inject;

/** Violates: injection annotations only in the wiring (and field injection in general). */
public final class GuiceUser {
    @Inject
    private String injected;

    public String injected() {
        return injected;
    }
}
