/**
 * Internal: the outbound ports a host cannot plug in (the PowerAuth server and its request signers, the JSON
 * codec, the storage argument checks and exclusive sections). The wiring binds them privately. Not API.
 */
package org.opentokens.powerauth.token.port.internal.out;
