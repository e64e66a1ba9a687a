/**
 * Token-authenticated calls with the JDK's {@code java.net.http.HttpClient}:
 * {@link org.opentokens.powerauth.token.wiring.http.PowerAuthTokenHttpClient}.
 */
package org.opentokens.powerauth.token.wiring.http;
