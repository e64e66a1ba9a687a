package org.opentokens.archfixtures.port.in;

/** Violates: inbound ports are named *UseCase (or PowerAuth*). */
public interface FetchThing {
    String fetch(String name);
}
