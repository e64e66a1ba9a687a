package org.opentokens.powerauth.token.application.internal.signature;

import java.util.Arrays;
import java.util.Objects;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.instance.InstanceTransaction;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.keys.BiometryKeyProtection;
import org.opentokens.powerauth.token.domain.internal.keys.KnowledgeKeyProtection;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.domain.internal.signature.OfflineSignature;
import org.opentokens.powerauth.token.domain.internal.signature.PowerAuthSignature;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureBaseString;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureKeys;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.internal.out.RequestSigner;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * Produces {@link RequestSigner}s for the committed activation, used inside a signed call's transaction. Each
 * signature uses the activation's counter as stored now and stores the advanced counter <b>before</b> the header
 * is returned, so the counter moves exactly once per computed signature, whether or not the request then
 * succeeds, and no other process can reuse it (signed calls hold the instance's exclusive section).
 *
 * <p>Thread-safe; a signer itself belongs to its transaction.
 */
public final class ActivationSigner {
    private final PowerAuthConfiguration configuration;
    private final RandomSource random;

    /**
     * @param configuration the instance settings
     * @param random nonce source
     */
    public ActivationSigner(PowerAuthConfiguration configuration, RandomSource random) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * @param tx the signed call's transaction
     * @param authentication the factors; read when signing, not destroyed here
     * @param uriId the endpoint's signature URI id, such as {@code /pa/token/create}
     * @return a signer for one POST request
     */
    public RequestSigner signerFor(InstanceTransaction tx, PowerAuthAuthentication authentication, String uriId) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(uriId, "uriId");
        return body -> signRequest(tx, authentication, "POST", uriId, body);
    }

    /**
     * Signs one request with a body; the counter moves once and is stored before this returns.
     *
     * @param tx the signed call's transaction
     * @param authentication the factors; read, not destroyed
     * @param method the HTTP method
     * @param uriId the resource id
     * @param body the exact body bytes, or null
     * @return the header
     */
    public AuthorizationHeader signRequest(InstanceTransaction tx, PowerAuthAuthentication authentication,
            String method, String uriId, byte[] body) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uriId, "uriId");
        byte[] nonce = random.nextBytes(SignatureBaseString.NONCE_LENGTH);
        return header(tx, authentication, nonce,
                SignatureBaseString.forBody(method, uriId, nonce, body, configuration.applicationSecret()));
    }

    /**
     * Signs one GET request, its canonicalized query in place of a body; the counter moves once and is stored
     * before this returns. A query with a broken escape fails before the counter moves.
     *
     * @param tx the signed call's transaction
     * @param authentication the factors; read, not destroyed
     * @param uriId the resource id
     * @param rawQuery the query as sent, without {@code '?'}, or null
     * @return the header
     */
    public AuthorizationHeader signQuery(InstanceTransaction tx, PowerAuthAuthentication authentication,
            String uriId, String rawQuery) {
        Objects.requireNonNull(uriId, "uriId");
        byte[] nonce = random.nextBytes(SignatureBaseString.NONCE_LENGTH);
        return header(tx, authentication, nonce,
                SignatureBaseString.forQuery("GET", uriId, nonce, rawQuery, configuration.applicationSecret()));
    }

    /**
     * Computes an offline signature (DECIMAL, application secret {@code "offline"}); the counter moves once and
     * is stored before this returns.
     *
     * @param tx the signed call's transaction
     * @param authentication the factors; read, not destroyed
     * @param uriId the resource id from the offline data
     * @param body the signed data, or null
     * @param nonce16 the 16-byte nonce from the offline data
     * @return the decimal signature
     */
    public String signOffline(InstanceTransaction tx, PowerAuthAuthentication authentication, String uriId,
            byte[] body, byte[] nonce16) {
        Objects.requireNonNull(uriId, "uriId");
        byte[] data = SignatureBaseString.forBody(OfflineSignature.OFFLINE_METHOD, uriId, nonce16, body,
                OfflineSignature.OFFLINE_APP_SECRET);
        return compute(tx, authentication, data, (current, type, signature) -> signature,
                (type, keys, counter) -> OfflineSignature.compute(type, keys, counter, uriId, nonce16, body));
    }

    private AuthorizationHeader header(InstanceTransaction tx, PowerAuthAuthentication authentication, byte[] nonce,
            byte[] data) {
        ProtocolVersion version = configuration.protocolVersion();
        return compute(tx, authentication, data,
                (current, type, signature) -> AuthorizationHeader.of(version, current.activationId(),
                        configuration.applicationKey(), nonce, type, signature),
                (type, keys, counter) -> PowerAuthSignature.compute(type, keys, counter, data, version));
    }

    /** Computes a signature text from the factors' keys and the counter's bytes. */
    @FunctionalInterface
    private interface Formula {
        String compute(PowerAuthSignatureType type, SignatureKeys keys, HashCounter counter);
    }

    /** Turns the signature text into the result handed out. */
    @FunctionalInterface
    private interface Result<R> {
        R of(ActivationRecord current, PowerAuthSignatureType type, String signature);
    }

    /**
     * Uses the counter as stored now, and stores its successor after the signature is computed and its result
     * built, before the result is returned: a failure before the signature exists leaves the counter alone.
     */
    private <R> R compute(InstanceTransaction tx, PowerAuthAuthentication authentication, byte[] data,
            Result<R> result, Formula formula) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(authentication, "authentication");
        ActivationRecord current = tx.activation()
                .orElseThrow(() -> new MissingActivationException("the activation was removed meanwhile"));
        if (current.isV4()) {
            // Replaced by a 4.0 activation since the caller looked: a 3.x signature would count a failed attempt.
            throw FeatureNotSupportedException.forV4("a 3.x signature");
        }
        PowerAuthSignatureType type = authentication.signatureType();
        SignatureKeys keys = keysFor(authentication, current);
        HashCounter counter = current.counter();
        try {
            R out = result.of(current, type, formula.compute(type, keys, counter));
            tx.putActivation(current.withCounter(counter.next()));
            return out;
        } finally {
            keys.destroy();
            counter.destroy();
            Arrays.fill(data, (byte) 0);
        }
    }

    private SignatureKeys keysFor(PowerAuthAuthentication authentication, ActivationRecord record) {
        PowerAuthSignatureType type = authentication.signatureType();
        SymmetricKey possession = record.possessionKey();
        SymmetricKey knowledge = null;
        SymmetricKey biometry = null;
        try {
            if (type.usesKnowledge()) {
                knowledge = knowledgeKey(authentication, record);
            }
            if (type.usesBiometry()) {
                biometry = biometryKey(authentication, record, type);
            }
            return SignatureKeys.of(possession, knowledge, biometry);
        } finally {
            possession.destroy();
            destroy(knowledge);
            destroy(biometry);
        }
    }

    private static SymmetricKey knowledgeKey(PowerAuthAuthentication authentication, ActivationRecord record) {
        return FactorSecrets.withPassword(authentication, password -> KnowledgeKeyProtection.unprotect(
                record.protectedKnowledgeKey(), password, record.knowledgeSalt(), record.knowledgeIterations()));
    }

    private static SymmetricKey biometryKey(PowerAuthAuthentication authentication, ActivationRecord record,
            PowerAuthSignatureType type) {
        return FactorSecrets.withBiometryKey(authentication, record, type, BiometryKeyProtection::unprotect);
    }

    private static void destroy(SymmetricKey key) {
        if (key != null) {
            key.destroy();
        }
    }
}
