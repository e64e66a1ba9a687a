/**
 * Every exception a host can see, under the one unchecked root
 * {@link org.opentokens.powerauth.token.domain.error.PowerAuthClientException}: data and protocol failures
 * (malformed data, crypto, status blob, temporary keys), server outcomes (rejected, unreachable, invalid
 * response), storage failures ({@code StorageException} and its kinds), time synchronization, and the client's
 * own states (closed, no activation, wrong state, token not found). Host programming errors (null, blank or
 * malformed names, bad configuration) are {@link NullPointerException} or {@link IllegalArgumentException}
 * instead.
 */
package org.opentokens.powerauth.token.domain.error;
