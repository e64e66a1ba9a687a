/**
 * Internal: the application services behind the inbound ports, and the protocol settings they share. Hosts
 * reach them only through {@code port.in} and the wiring. Not API; may change in any release.
 */
package org.opentokens.powerauth.token.application.internal;
