/**
 * Protocol 4.0 MAC tokens: the 32-byte token secret, the KMAC256 token digest, and the {@code X-PowerAuth-Token}
 * header with {@code version="4.0"} and its per-token generator (the keyed KMAC state is prepared once per token and
 * copied per header). The server-side parser and verifier live in the domain's test-jar. Token IDs are the same
 * UUIDs as in 3.x ({@link org.opentokens.powerauth.token.domain.TokenId}).
 */
package org.opentokens.powerauth.token.domain.internal.v4.token;
