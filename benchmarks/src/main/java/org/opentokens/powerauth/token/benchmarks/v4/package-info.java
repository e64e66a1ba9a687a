/**
 * Protocol 4.0 groups: the {@code X-PowerAuth-Token} 4.0 header (ours, Wultra 2.0.1's client path and the KMAC
 * floor) and the client crypto of a 4.0 token create per shared-secret algorithm.
 */
package org.opentokens.powerauth.token.benchmarks.v4;
