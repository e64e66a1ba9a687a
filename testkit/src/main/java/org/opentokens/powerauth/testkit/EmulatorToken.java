package org.opentokens.powerauth.testkit;

/**
 * A token the emulator issued.
 *
 * @param tokenId       token ID
 * @param activationId  activation it belongs to
 * @param signatureType signature type of the token/create call, for example {@code possession_knowledge}
 */
public record EmulatorToken(String tokenId, String activationId, String signatureType) {
}
