package org.opentokens.archfixtures.application;

import org.opentokens.archfixtures.port.in.DoThingUseCase;

/** Violates: use-case implementations are named *Service. */
public final class ThingDoer implements DoThingUseCase {
    @Override
    public void doThing() {
    }
}
