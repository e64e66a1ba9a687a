/**
 * Benchmark groups 3 and 4: the client-side crypto of token create (ECIES request, signature over the encrypted
 * body, ECIES response) and of activation create, ours against Wultra's client classes on the same inputs.
 * Responses come from Wultra's server encryptor, prepared outside the measured call.
 */
package org.opentokens.powerauth.token.benchmarks.crypto;
