package org.opentokens.powerauth.token.adapter.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedRequest;
import org.opentokens.powerauth.token.domain.internal.v4.aead.AeadEncryptedResponse;
import org.opentokens.powerauth.token.domain.internal.v4.aead.V4EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.v4.auth.V4AuthorizationHeader;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServerV4;
import org.opentokens.powerauth.token.port.internal.out.V4RequestSigner;

/**
 * The {@link PowerAuthServerV4} port over the same transport, JSON and response reader as
 * {@link JavaHttpPowerAuthServer}'s {@code /pa/v3} calls ({@code protocol-v4.md} §7): AEAD envelopes bare, plain
 * bodies wrapped, signed bodies serialized once and sent as signed.
 */
final class JavaHttpV4Endpoints implements PowerAuthServerV4 {
    private static final byte[] EMPTY_REQUEST = "{\"requestObject\":{}}".getBytes(StandardCharsets.US_ASCII);

    private final HttpTransport transport;
    private final WireJson json;
    private final ResponseReader reader;

    JavaHttpV4Endpoints(HttpTransport transport, WireJson json, ResponseReader reader) {
        this.transport = transport;
        this.json = json;
        this.reader = reader;
    }

    @Override
    public long fetchServerTime() {
        HttpAnswer answer = transport.post(Endpoint.V4_STATUS, EMPTY_REQUEST.clone(), null, null);
        ServerStatusJson status = reader.wrapped(answer, Endpoint.V4_STATUS, ServerStatusJson::read);
        return Endpoint.V4_STATUS.require(status.serverTime(), "responseObject.serverTime");
    }

    @Override
    public String createTemporaryKey(String requestJwt) {
        Objects.requireNonNull(requestJwt, "requestJwt");
        byte[] body = json.write(RequestObjectJson.of(new JwtJson(requestJwt).toJson()));
        HttpAnswer answer = transport.post(Endpoint.V4_KEYSTORE_CREATE, body, null, null);
        JwtJson jwt = reader.wrapped(answer, Endpoint.V4_KEYSTORE_CREATE, JwtJson::read);
        return Endpoint.V4_KEYSTORE_CREATE.require(jwt.jwt(), "responseObject.jwt");
    }

    @Override
    public AeadEncryptedResponse createActivation(AeadEncryptedRequest layer1, V4EncryptionHeader header) {
        return encrypted(Endpoint.V4_ACTIVATION_CREATE, layer1, header);
    }

    @Override
    public AeadEncryptedResponse fetchActivationStatus(AeadEncryptedRequest envelope, V4EncryptionHeader header) {
        return encrypted(Endpoint.V4_ACTIVATION_STATUS, envelope, header);
    }

    @Override
    public void confirmActivation(boolean enableBiometry, V4RequestSigner signer) {
        byte[] body = json.write(RequestObjectJson.of(Map.of("enableBiometry", enableBiometry)));
        reader.statusOk(signedPost(Endpoint.V4_ACTIVATION_CONFIRM, body, signer), Endpoint.V4_ACTIVATION_CONFIRM);
    }

    @Override
    public String removeActivation(V4RequestSigner signer) {
        HttpAnswer answer = signedPost(Endpoint.V4_ACTIVATION_REMOVE, EMPTY_REQUEST.clone(), signer);
        ActivationIdJson removed = reader.wrapped(answer, Endpoint.V4_ACTIVATION_REMOVE, ActivationIdJson::read);
        return Endpoint.V4_ACTIVATION_REMOVE.require(removed.activationId(), "responseObject.activationId");
    }

    @Override
    public AeadEncryptedResponse createToken(AeadEncryptedRequest envelope, V4RequestSigner signer) {
        Objects.requireNonNull(envelope, "envelope");
        byte[] body = json.write(AeadRequestJson.toJson(envelope));
        HttpAnswer answer = signedPost(Endpoint.V4_TOKEN_CREATE, body, signer);
        return reader.unwrapped(answer, Endpoint.V4_TOKEN_CREATE, AeadResponseJson::read)
                .toDomain(Endpoint.V4_TOKEN_CREATE);
    }

    @Override
    public TokenId removeToken(TokenId tokenId, V4RequestSigner signer) {
        Objects.requireNonNull(tokenId, "tokenId");
        byte[] body = json.write(RequestObjectJson.of(new TokenIdJson(tokenId.value()).toJson()));
        HttpAnswer answer = signedPost(Endpoint.V4_TOKEN_REMOVE, body, signer);
        TokenIdJson removed = reader.wrapped(answer, Endpoint.V4_TOKEN_REMOVE, TokenIdJson::read);
        String value = Endpoint.V4_TOKEN_REMOVE.require(removed.tokenId(), "responseObject.tokenId");
        try {
            return TokenId.of(value);
        } catch (MalformedDataException e) {
            throw Endpoint.V4_TOKEN_REMOVE.invalid("responseObject.tokenId is not a valid token ID");
        }
    }

    private AeadEncryptedResponse encrypted(Endpoint endpoint, AeadEncryptedRequest envelope,
            V4EncryptionHeader header) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(header, "header");
        byte[] body = json.write(AeadRequestJson.toJson(envelope));
        HttpAnswer answer = transport.post(endpoint, body, V4EncryptionHeader.HEADER_NAME, header.value());
        return reader.unwrapped(answer, endpoint, AeadResponseJson::read).toDomain(endpoint);
    }

    /** Serializes first, signs those bytes exactly once, sends exactly those bytes; a failed signing sends nothing. */
    private HttpAnswer signedPost(Endpoint endpoint, byte[] body, V4RequestSigner signer) {
        Objects.requireNonNull(signer, "signer");
        V4AuthorizationHeader header = Objects.requireNonNull(signer.sign(body.clone()), "signer returned no header");
        return transport.post(endpoint, body, V4AuthorizationHeader.HEADER_NAME, header.value());
    }
}
