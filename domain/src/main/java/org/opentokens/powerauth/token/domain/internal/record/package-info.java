/**
 * Persistent records of an activation and of a token, and their versioned binary encoding for
 * {@code SecureStorage}. Raw key bytes cross into storage only through these codecs.
 */
package org.opentokens.powerauth.token.domain.internal.record;
