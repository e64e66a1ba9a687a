package org.opentokens.archfixtures.domain;

/** Violates: no byte arrays in records. */
public record LeakyRecord(byte[] secret) {
}
