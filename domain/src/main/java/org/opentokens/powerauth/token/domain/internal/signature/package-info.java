/**
 * PowerAuth request signatures: the signature base string (including GET query canonicalization), the
 * multi-factor signature calculation in BASE64 and DECIMAL formats, offline signatures, and the
 * {@code X-PowerAuth-Authorization} header.
 */
package org.opentokens.powerauth.token.domain.internal.signature;
