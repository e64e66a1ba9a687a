package org.opentokens.powerauth.token.application.internal.signature;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.opentokens.powerauth.token.application.internal.ServiceContext;
import org.opentokens.powerauth.token.application.internal.instance.InstanceState;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureBaseString;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.in.PowerAuthSignatures;

/**
 * Implements {@link PowerAuthSignatures}: each signature is one signed call of the instance (exclusive section,
 * activation read again from storage, counter stepped and stored before the result leaves), so signatures from
 * every thread and process sharing the storage use distinct counter values in order. Thread-safe.
 */
public final class SignatureService implements PowerAuthSignatures {
    private final InstanceState state;
    private final ActivationSigner signer;
    private final SignedCallAsync async;

    /** @param context what the instance's services share (signed calls may wait for the exclusive section) */
    public SignatureService(ServiceContext context) {
        Objects.requireNonNull(context, "context");
        this.state = context.state();
        this.signer = new ActivationSigner(context.configuration(), context.random());
        this.async = new SignedCallAsync(state, context.executor());
    }

    @Override
    public CompletableFuture<PowerAuthAuthorizationHttpHeader> requestSignature(PowerAuthAuthentication authentication,
            String method, String uriId, byte[] body) {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uriId, "uriId");
        byte[] copy = body == null ? null : body.clone();
        return async.start("requestSignature", authentication, activation -> header(state.signedCall(
                activation.activationId(), tx -> signer.signRequest(tx, authentication, method, uriId, copy))));
    }

    @Override
    public CompletableFuture<PowerAuthAuthorizationHttpHeader> requestGetSignature(
            PowerAuthAuthentication authentication, String uriId, String rawQuery) {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(uriId, "uriId");
        return async.start("requestGetSignature", authentication, activation -> header(state.signedCall(
                activation.activationId(), tx -> signer.signQuery(tx, authentication, uriId, rawQuery))));
    }

    @Override
    public CompletableFuture<String> offlineSignature(PowerAuthAuthentication authentication, String uriId,
            byte[] body, String nonceBase64) {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(uriId, "uriId");
        Objects.requireNonNull(nonceBase64, "nonceBase64");
        byte[] copy = body == null ? null : body.clone();
        byte[] nonce;
        try {
            nonce = B64.decode(nonceBase64, "offline nonce", SignatureBaseString.NONCE_LENGTH);
        } catch (RuntimeException e) {
            authentication.destroy();
            return CompletableFuture.failedFuture(e);
        }
        return async.start("offlineSignature", authentication, activation -> state.signedCall(
                activation.activationId(), tx -> signer.signOffline(tx, authentication, uriId, copy, nonce)));
    }

    @Override
    public <T> CompletableFuture<T> sendSigned(PowerAuthAuthentication authentication, String method, String uriId,
            byte[] body, String rawQuery, SignedSend<T> send) {
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uriId, "uriId");
        Objects.requireNonNull(send, "send");
        boolean get = method.equalsIgnoreCase("GET");
        if (get && body != null) {
            authentication.destroy();
            return CompletableFuture.failedFuture(new IllegalArgumentException("a GET request signs its query, "
                    + "not a body"));
        }
        byte[] copy = body == null ? null : body.clone();
        return async.start("sendSigned", authentication, activation -> state.signedCall(activation.activationId(),
                tx -> send(send, get ? signer.signQuery(tx, authentication, uriId, rawQuery)
                        : signer.signRequest(tx, authentication, method, uriId, copy))));
    }

    private static <T> T send(SignedSend<T> send, AuthorizationHeader signed) {
        try {
            return send.send(header(signed));
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static PowerAuthAuthorizationHttpHeader header(AuthorizationHeader header) {
        return new PowerAuthAuthorizationHttpHeader(AuthorizationHeader.HEADER_NAME, header.value());
    }
}
