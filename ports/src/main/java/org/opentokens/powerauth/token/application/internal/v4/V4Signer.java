package org.opentokens.powerauth.token.application.internal.v4;

import java.util.Arrays;
import java.util.Objects;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.application.internal.instance.InstanceTransaction;
import org.opentokens.powerauth.token.application.internal.signature.FactorSecrets;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.internal.keys.V4FactorKeyProtection;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.signature.SignatureBaseString;
import org.opentokens.powerauth.token.domain.internal.v4.auth.AuthenticationCode;
import org.opentokens.powerauth.token.domain.internal.v4.auth.AuthenticationCodeType;
import org.opentokens.powerauth.token.domain.internal.v4.auth.FactorKeys;
import org.opentokens.powerauth.token.domain.internal.v4.auth.V4AuthorizationHeader;
import org.opentokens.powerauth.token.domain.internal.v4.counter.V4HashCounter;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.internal.out.V4RequestSigner;
import org.opentokens.powerauth.token.port.out.RandomSource;

/**
 * The 4.0 counterpart of {@code ActivationSigner}: online authentication codes (KMAC256 over the request data and
 * the SHA3 hash counter) inside a signed call's transaction, with the same counter rule: the advanced counter is
 * stored before the header is returned, so it moves exactly once per computed code, sent or not.
 */
final class V4Signer {
    private final PowerAuthConfiguration configuration;
    private final RandomSource random;

    V4Signer(PowerAuthConfiguration configuration, RandomSource random) {
        this.configuration = configuration;
        this.random = random;
    }

    V4RequestSigner signerFor(InstanceTransaction tx, PowerAuthAuthentication authentication, String uriId) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(uriId, "uriId");
        return body -> sign(tx, authentication, uriId, body);
    }

    private V4AuthorizationHeader sign(InstanceTransaction tx, PowerAuthAuthentication authentication, String uriId,
            byte[] body) {
        ActivationRecord current = tx.activation()
                .orElseThrow(() -> new MissingActivationException("the activation was removed meanwhile"));
        PowerAuthSignatureType signatureType = authentication.signatureType();
        AuthenticationCodeType type = AuthenticationCodeType.fromWireValue(signatureType.wireValue());
        FactorKeys keys = keysFor(authentication, current);
        byte[] nonce = random.nextBytes(SignatureBaseString.NONCE_LENGTH);
        byte[] data = SignatureBaseString.forBody("POST", uriId, nonce, body, configuration.applicationSecret());
        V4HashCounter counter = current.v4Counter();
        try {
            String code = AuthenticationCode.online(data, keys.keysFor(type), counter);
            V4AuthorizationHeader header = V4AuthorizationHeader.of(current.activationId(),
                    configuration.applicationKey(), nonce, type, code);
            V4HashCounter next = counter.next();
            try {
                tx.putActivation(current.withCounter(next));
            } finally {
                next.destroy();
            }
            return header;
        } finally {
            keys.destroy();
            counter.destroy();
            Arrays.fill(data, (byte) 0);
        }
    }

    private static FactorKeys keysFor(PowerAuthAuthentication authentication, ActivationRecord record) {
        PowerAuthSignatureType type = authentication.signatureType();
        V4SymmetricKey possession = record.v4().possessionKey();
        V4SymmetricKey knowledge = null;
        V4SymmetricKey biometry = null;
        try {
            if (type.usesKnowledge()) {
                knowledge = knowledgeKey(authentication, record);
            }
            if (type.usesBiometry()) {
                biometry = biometryKey(authentication, record, type);
            }
            return new FactorKeys(possession, knowledge, biometry);
        } catch (RuntimeException e) {
            possession.destroy();
            destroy(knowledge);
            throw e;
        }
    }

    private static V4SymmetricKey knowledgeKey(PowerAuthAuthentication authentication, ActivationRecord record) {
        return FactorSecrets.withPassword(authentication, password -> V4FactorKeyProtection.unprotectKnowledge(
                record.protectedKnowledgeKey(), password, record.knowledgeSalt(), record.knowledgeIterations()));
    }

    private static V4SymmetricKey biometryKey(PowerAuthAuthentication authentication, ActivationRecord record,
            PowerAuthSignatureType type) {
        return FactorSecrets.withBiometryKey(authentication, record, type, V4FactorKeyProtection::unprotectBiometry);
    }

    private static void destroy(V4SymmetricKey key) {
        if (key != null) {
            key.destroy();
        }
    }
}
