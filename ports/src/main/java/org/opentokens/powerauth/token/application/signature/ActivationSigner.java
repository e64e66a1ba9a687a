package org.opentokens.powerauth.token.application.signature;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.opentokens.powerauth.token.application.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.instance.InstanceTransaction;
import org.opentokens.powerauth.token.domain.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException;
import org.opentokens.powerauth.token.domain.keys.BiometryKeyProtection;
import org.opentokens.powerauth.token.domain.keys.KnowledgeKeyProtection;
import org.opentokens.powerauth.token.domain.counter.HashCounter;
import org.opentokens.powerauth.token.domain.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.domain.signature.PowerAuthSignature;
import org.opentokens.powerauth.token.domain.signature.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.signature.SignatureBaseString;
import org.opentokens.powerauth.token.domain.signature.SignatureKeys;
import org.opentokens.powerauth.token.port.in.MissingActivationException;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.RequestSigner;

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
        return body -> sign(tx, authentication, uriId, body);
    }

    private AuthorizationHeader sign(InstanceTransaction tx, PowerAuthAuthentication authentication, String uriId,
            byte[] body) {
        ActivationRecord current = tx.activation()
                .orElseThrow(() -> new MissingActivationException("the activation was removed meanwhile"));
        PowerAuthSignatureType type = authentication.signatureType();
        SignatureKeys keys = keysFor(authentication, current);
        byte[] nonce = random.nextBytes(SignatureBaseString.NONCE_LENGTH);
        byte[] data = SignatureBaseString.forBody("POST", uriId, nonce, body, configuration.applicationSecret());
        HashCounter counter = current.counter();
        try {
            String signature = PowerAuthSignature.compute(type, keys, counter, data, configuration.protocolVersion());
            AuthorizationHeader header = AuthorizationHeader.of(configuration.protocolVersion(),
                    current.activationId(), configuration.applicationKey(), nonce, type, signature);
            tx.putActivation(current.withCounter(counter.next()));
            return header;
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
        char[] password = authentication.copyPassword()
                .orElseThrow(() -> new SignatureFactorMissingException("knowledge", authentication.signatureType().wireValue()));
        try {
            return KnowledgeKeyProtection.unprotect(record.protectedKnowledgeKey(), password, record.knowledgeSalt(),
                    record.knowledgeIterations());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static SymmetricKey biometryKey(PowerAuthAuthentication authentication, ActivationRecord record,
            PowerAuthSignatureType type) {
        Optional<byte[]> protectedKey = record.protectedBiometryKey();
        if (protectedKey.isEmpty()) {
            throw new SignatureFactorMissingException("biometry", type.wireValue());
        }
        SymmetricKey host = authentication.copyBiometryKey()
                .orElseThrow(() -> new SignatureFactorMissingException("biometry", type.wireValue()));
        try {
            return BiometryKeyProtection.unprotect(protectedKey.get(), host);
        } finally {
            host.destroy();
        }
    }

    private static void destroy(SymmetricKey key) {
        if (key != null) {
            key.destroy();
        }
    }
}
