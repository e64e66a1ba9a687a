/**
 * The protocol 4.0 hash counter ({@code ctrData_{n+1} = SHA3-256(ctrData_n)}, 32 bytes) and its resynchronization
 * from the V4 activation status blob.
 */
package org.opentokens.powerauth.token.domain.internal.v4.counter;
