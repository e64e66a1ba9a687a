/**
 * Protocol 4.0 authentication codes (what 3.x called signatures): the factor keys, the KMAC256 code chain over the
 * counter and the request data, online (Base64) and offline (decimal) formats, and the
 * {@code X-PowerAuth-Authorization} header with {@code pa_auth_code_type}, {@code pa_auth_code} and
 * {@code pa_version="4.0"}. The request data is the 3.x base string, application secret included
 * ({@link org.opentokens.powerauth.token.domain.internal.signature.SignatureBaseString}).
 */
package org.opentokens.powerauth.token.domain.internal.v4.auth;
