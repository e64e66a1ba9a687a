package org.opentokens.archfixtures.port.out;

/** A compliant outbound port. */
public interface ThingStore {
    String load(String name);
}
