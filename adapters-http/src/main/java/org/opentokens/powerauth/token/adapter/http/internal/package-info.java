/**
 * The HTTP adapter: {@link org.opentokens.powerauth.token.adapter.http.internal.JavaHttpPowerAuthServer} implements the
 * {@code PowerAuthServer} port over {@code java.net.http} with Jackson and the real {@code /pa/v3} JSON shapes,
 * configured by {@link org.opentokens.powerauth.token.adapter.http.internal.HttpServerConfig};
 * {@link org.opentokens.powerauth.token.adapter.http.internal.JacksonJsonCodec} implements the {@code JsonCodec} port.
 *
 * <p>Wire DTOs are package-private {@code *Json} records. Nothing here logs or throws bodies, header values or
 * secrets; at {@code DEBUG} the adapter logs method, path, status and duration of each call.
 */
package org.opentokens.powerauth.token.adapter.http.internal;
