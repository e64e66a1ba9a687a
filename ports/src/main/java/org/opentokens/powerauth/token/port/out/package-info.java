/**
 * Outbound ports: what the library needs from its environment, implemented by the adapters.
 *
 * <p>Storage: {@link org.opentokens.powerauth.token.port.out.SecureStorage} persists activation and token
 * records as byte values under string names, one {@link org.opentokens.powerauth.token.port.out.StorageNamespace}
 * per client instance. Its failures are the unchecked
 * {@link org.opentokens.powerauth.token.port.out.StorageException} family; bad arguments are
 * {@link org.opentokens.powerauth.token.domain.error.MalformedDataException}, checked by
 * {@link org.opentokens.powerauth.token.port.out.StorageArguments} before any backend is touched.
 */
package org.opentokens.powerauth.token.port.out;
