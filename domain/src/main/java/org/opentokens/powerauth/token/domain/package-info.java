/**
 * Pure values and PowerAuth client-side protocol crypto. This package holds the domain values a host sees in the
 * API ({@code ProtocolVersion}, {@code ActivationState}, {@code PowerAuthSignatureType}, {@code TokenId},
 * {@code SharedSecretAlgorithm}, {@code EciesScope} and the ECIES envelopes); the protocol code itself is in
 * {@code domain.internal}, which is not API.
 *
 * <p>Nothing in this module performs I/O, reads a clock or draws randomness it was not handed;
 * time and random sources are always parameters. JSON never appears here: where a protocol step
 * needs JSON the domain works on the serialized bytes.
 */
package org.opentokens.powerauth.token.domain;
