/**
 * Authenticated calls with the JDK's {@code java.net.http.HttpClient}: token headers with
 * {@link org.opentokens.powerauth.token.wiring.http.PowerAuthTokenHttpClient}, PowerAuth signatures with
 * {@link org.opentokens.powerauth.token.wiring.http.PowerAuthSignedHttpClient}.
 */
package org.opentokens.powerauth.token.wiring.http;
