package org.opentokens.archfixtures.port.in;

/** A compliant inbound port. */
public interface DoThingUseCase {
    void doThing();
}
