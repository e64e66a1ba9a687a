/**
 * Pure values and PowerAuth 3.x client-side protocol crypto.
 *
 * <p>Nothing in this module performs I/O, reads a clock or draws randomness it was not handed;
 * time and random sources are always parameters. JSON never appears here: where a protocol step
 * needs JSON the domain works on the serialized bytes.
 */
package org.opentokens.powerauth.token.domain;
