package org.opentokens.powerauth.token.adapter.http.internal;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.ecies.EncryptionHeader;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.port.internal.out.ActivationStatusResponse;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServerV4;
import org.opentokens.powerauth.token.port.internal.out.RequestSigner;

/**
 * The {@link PowerAuthServer} port over {@code java.net.http} and Jackson's streaming parser, with the real
 * {@code /pa/v3} shapes. Its own HTTP client speaks HTTP/1.1 and never follows redirects; each call has one deadline,
 * {@link HttpServerConfig#requestTimeout()}, and bodies over {@link HttpServerConfig#maxResponseBytes()} are cut off
 * as they stream in. Thread-safe; signed requests are never retried. {@link #close()} lets go of the HTTP client.
 */
public final class JavaHttpPowerAuthServer implements PowerAuthServer {
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private final HttpTransport transport;
    private final WireJson json;
    private final ResponseReader reader;
    private final JavaHttpV4Endpoints v4;

    /** @param config where the server is and how to talk to it */
    public JavaHttpPowerAuthServer(HttpServerConfig config) {
        Objects.requireNonNull(config, "config");
        this.transport = new HttpTransport(config);
        this.json = new WireJson();
        this.reader = new ResponseReader(json, config.maxResponseBytes(), config.baseUri().getPath());
        this.v4 = new JavaHttpV4Endpoints(transport, json, reader);
    }

    /**
     * @return the {@code /pa/v4} calls of the same server, over this adapter's HTTP client (closed with it)
     */
    public PowerAuthServerV4 v4() {
        return v4;
    }

    @Override
    public long fetchServerTime() {
        HttpAnswer answer = transport.post(Endpoint.STATUS, EMPTY_OBJECT.clone(), null, null);
        ServerStatusJson status = reader.wrapped(answer, Endpoint.STATUS, ServerStatusJson::read);
        return Endpoint.STATUS.require(status.serverTime(), "responseObject.serverTime");
    }

    @Override
    public String createTemporaryKey(String requestJwt) {
        Objects.requireNonNull(requestJwt, "requestJwt");
        byte[] body = json.write(RequestObjectJson.of(new JwtJson(requestJwt).toJson()));
        HttpAnswer answer = transport.post(Endpoint.KEYSTORE_CREATE, body, null, null);
        JwtJson jwt = reader.wrapped(answer, Endpoint.KEYSTORE_CREATE, JwtJson::read);
        return Endpoint.KEYSTORE_CREATE.require(jwt.jwt(), "responseObject.jwt");
    }

    @Override
    public EciesEncryptedResponse createActivation(EciesEncryptedRequest layer1, EncryptionHeader header) {
        Objects.requireNonNull(layer1, "layer1");
        Objects.requireNonNull(header, "header");
        byte[] body = json.write(EciesRequestJson.of(layer1).toJson());
        HttpAnswer answer = transport.post(Endpoint.ACTIVATION_CREATE, body, EncryptionHeader.HEADER_NAME,
                header.value());
        return reader.unwrapped(answer, Endpoint.ACTIVATION_CREATE, EciesResponseJson::read)
                .toDomain(Endpoint.ACTIVATION_CREATE);
    }

    @Override
    public ActivationStatusResponse fetchActivationStatus(String activationId, String challengeBase64) {
        Objects.requireNonNull(activationId, "activationId");
        byte[] body = json.write(RequestObjectJson.of(
                new ActivationStatusRequestJson(activationId, challengeBase64).toJson()));
        HttpAnswer answer = transport.post(Endpoint.ACTIVATION_STATUS, body, null, null);
        return reader.wrapped(answer, Endpoint.ACTIVATION_STATUS, ActivationStatusResponseJson::read)
                .toPort(Endpoint.ACTIVATION_STATUS);
    }

    @Override
    public String removeActivation(RequestSigner signer) {
        HttpAnswer answer = signedPost(Endpoint.ACTIVATION_REMOVE, EMPTY_OBJECT.clone(), signer);
        ActivationIdJson removed = reader.wrapped(answer, Endpoint.ACTIVATION_REMOVE, ActivationIdJson::read);
        return Endpoint.ACTIVATION_REMOVE.require(removed.activationId(), "responseObject.activationId");
    }

    @Override
    public EciesEncryptedResponse createToken(EciesEncryptedRequest envelope, RequestSigner signer) {
        Objects.requireNonNull(envelope, "envelope");
        byte[] body = json.write(EciesRequestJson.of(envelope).toJson());
        HttpAnswer answer = signedPost(Endpoint.TOKEN_CREATE, body, signer);
        return reader.unwrapped(answer, Endpoint.TOKEN_CREATE, EciesResponseJson::read)
                .toDomain(Endpoint.TOKEN_CREATE);
    }

    @Override
    public TokenId removeToken(TokenId tokenId, RequestSigner signer) {
        Objects.requireNonNull(tokenId, "tokenId");
        byte[] body = json.write(RequestObjectJson.of(new TokenIdJson(tokenId.value()).toJson()));
        HttpAnswer answer = signedPost(Endpoint.TOKEN_REMOVE, body, signer);
        TokenIdJson removed = reader.wrapped(answer, Endpoint.TOKEN_REMOVE, TokenIdJson::read);
        String value = Endpoint.TOKEN_REMOVE.require(removed.tokenId(), "responseObject.tokenId");
        try {
            return TokenId.of(value);
        } catch (MalformedDataException e) {
            throw Endpoint.TOKEN_REMOVE.invalid("responseObject.tokenId is not a valid token ID");
        }
    }

    @Override
    public void validateSignature(String reason, RequestSigner signer) {
        Objects.requireNonNull(reason, "reason");
        byte[] body = json.write(RequestObjectJson.of(new ReasonJson(reason).toJson()));
        HttpAnswer answer = signedPost(Endpoint.SIGNATURE_VALIDATE, body, signer);
        Object status = reader.unwrapped(answer, Endpoint.SIGNATURE_VALIDATE, (object, endpoint) -> object.get("status"));
        if (status != null && !"OK".equals(status)) {
            throw Endpoint.SIGNATURE_VALIDATE.invalid("response status is not OK");
        }
    }

    @Override
    public EciesEncryptedResponse unlockVault(EciesEncryptedRequest envelope, RequestSigner signer) {
        Objects.requireNonNull(envelope, "envelope");
        byte[] body = json.write(EciesRequestJson.of(envelope).toJson());
        HttpAnswer answer = signedPost(Endpoint.VAULT_UNLOCK, body, signer);
        return reader.unwrapped(answer, Endpoint.VAULT_UNLOCK, EciesResponseJson::read)
                .toDomain(Endpoint.VAULT_UNLOCK);
    }

    @Override
    public EciesEncryptedResponse confirmRecoveryCode(EciesEncryptedRequest envelope, RequestSigner signer) {
        Objects.requireNonNull(envelope, "envelope");
        byte[] body = json.write(EciesRequestJson.of(envelope).toJson());
        HttpAnswer answer = signedPost(Endpoint.RECOVERY_CONFIRM, body, signer);
        return reader.unwrapped(answer, Endpoint.RECOVERY_CONFIRM, EciesResponseJson::read)
                .toDomain(Endpoint.RECOVERY_CONFIRM);
    }

    /**
     * Lets go of the HTTP client: the adapter's own client is shut down where the JDK can (Java 21 and later; on
     * 17 its selector thread ends once the client is garbage collected, which holding this adapter no longer
     * prevents); a caller's client is left running. Calls after close fail with
     * {@link org.opentokens.powerauth.token.domain.error.ClientClosedException}. Idempotent.
     */
    @Override
    public void close() {
        transport.close();
    }

    /** @return the client in use, the caller's or the adapter's own (built now if no call built it yet); null once closed */
    HttpClient httpClient() {
        return transport.client();
    }

    /** @return whether the HTTP client exists yet; the adapter builds its own on the first call */
    boolean hasHttpClient() {
        return transport.hasClient();
    }

    /** Serializes first, signs those bytes exactly once, sends exactly those bytes; a failed signing sends nothing. */
    private HttpAnswer signedPost(Endpoint endpoint, byte[] body, RequestSigner signer) {
        Objects.requireNonNull(signer, "signer");
        AuthorizationHeader header = Objects.requireNonNull(signer.sign(body.clone()), "signer returned no header");
        return transport.post(endpoint, body, AuthorizationHeader.HEADER_NAME, header.value());
    }
}
