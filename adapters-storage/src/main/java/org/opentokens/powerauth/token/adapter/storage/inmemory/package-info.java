/**
 * {@link org.opentokens.powerauth.token.port.out.SecureStorage} kept in the JVM heap: for tests, as the fake
 * behind the service tests, and for hosts that want nothing persisted.
 */
package org.opentokens.powerauth.token.adapter.storage.inmemory;
