package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptedRequest;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorParameters;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorScope;
import io.getlime.security.powerauth.crypto.lib.encryptor.model.v3.ServerEncryptorSecrets;
import io.getlime.security.powerauth.http.PowerAuthEncryptionHttpHeader;
import io.getlime.security.powerauth.http.validator.PowerAuthEncryptionHttpHeaderValidator;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;

/**
 * A host's own endpoint protected as {@code @PowerAuthEncryption(scope = …)} protects one: the body is an ECIES
 * envelope announced by {@code X-PowerAuth-Encryption} (Wultra's header class and validator), decrypted with
 * {@code /pa/generic/application} or {@code /pa/generic/activation} through Wultra's server encryptor (the master
 * key, the activation's server key, or a 3.3 temporary key), and answered encrypted: the plaintext
 * {@value #ECHO_PREFIX} followed by the request's plaintext. The activation scope needs an ACTIVE activation.
 * Failures are 400 {@code ERR_ENCRYPTION} ({@code ERR_TEMPORARY_KEY} for an unknown 3.3 key).
 */
final class EncryptedEchoEndpoint {
    /** What the response plaintext starts with. */
    static final String ECHO_PREFIX = "echo:";

    private final EmulatorState state;
    private final Ecies ecies;
    private final EncryptorScope scope;

    EncryptedEchoEndpoint(EmulatorState state, Ecies ecies, EncryptorScope scope) {
        this.state = state;
        this.ecies = ecies;
        this.scope = scope;
    }

    EmulatorResponse handle(EmulatorRequest request) {
        PowerAuthEncryptionHttpHeader header = header(request);
        String version = header.getVersion();
        ApplicationRecord app = state.applicationByKey(header.getApplicationKey())
                .orElseThrow(EmulatorRejection::encryption);
        EncryptedRequest envelope = ecies.readRequest(Json.parseObject(request.body()), version);
        boolean activationScope = scope == EncryptorScope.ACTIVATION_SCOPE;
        ServerActivationRecord activation = null;
        if (activationScope) {
            activation = state.findActivation(header.getActivationId())
                    .filter(a -> a.application() == app && a.state() == EmulatorActivationState.ACTIVE)
                    .orElseThrow(EmulatorRejection::encryption);
        }
        String activationId = activation == null ? null : activation.activationId();
        PrivateKey key;
        if (ProtocolVersions.usesTemporaryKeys(version)) {
            key = state.temporaryKey(envelope.getTemporaryKeyId(), app.appKey(), activationId).keyPair().getPrivate();
        } else {
            key = activationScope ? activation.serverKeyPair().getPrivate() : app.masterKeyPair().getPrivate();
        }
        ServerEncryptorSecrets secrets = activationScope
                ? new ServerEncryptorSecrets(key, app.appSecret(), WultraCrypto.secretBytes(activation.transportKey()))
                : new ServerEncryptorSecrets(key, app.appSecret());
        EncryptorParameters parameters = new EncryptorParameters(version, app.appKey(), activationId,
                envelope.getTemporaryKeyId());
        ecies.checkFreshness(envelope, version);
        Ecies.Opened opened = ecies.open(activationScope ? EncryptorId.ACTIVATION_SCOPE_GENERIC
                : EncryptorId.APPLICATION_SCOPE_GENERIC, parameters, secrets, envelope);
        byte[] prefix = ECHO_PREFIX.getBytes(StandardCharsets.UTF_8);
        byte[] answer = new byte[prefix.length + opened.plaintext().length];
        System.arraycopy(prefix, 0, answer, 0, prefix.length);
        System.arraycopy(opened.plaintext(), 0, answer, prefix.length, opened.plaintext().length);
        ObjectNode body = ecies.seal(opened, answer);
        return Json.response(200, body);
    }

    private PowerAuthEncryptionHttpHeader header(EmulatorRequest request) {
        String value = request.header(PowerAuthEncryptionHttpHeader.HEADER_NAME);
        if (value == null) {
            throw EmulatorRejection.encryption();
        }
        PowerAuthEncryptionHttpHeader header = new PowerAuthEncryptionHttpHeader().fromValue(value);
        WultraCrypto.client(() -> {
            PowerAuthEncryptionHttpHeaderValidator.validate(header, scope);
            return null;
        }, EmulatorRejection::encryption);
        return header;
    }
}
