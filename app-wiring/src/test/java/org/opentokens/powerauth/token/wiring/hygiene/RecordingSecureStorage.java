package org.opentokens.powerauth.token.wiring.hygiene;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.keys.KnowledgeKeyProtection;
import org.opentokens.powerauth.token.domain.internal.keys.V4FactorKeyProtection;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.internal.record.V4ActivationData;
import org.opentokens.powerauth.token.domain.internal.v4.crypto.V4SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * A {@link SecureStorage} decorator that decodes every activation and token record written through it and
 * registers its secrets: the possession and transport keys, the protected knowledge key, its salt, the knowledge
 * key itself (unlocked with every known password), the protected biometry key, the encrypted device private key,
 * the counter data and the token secrets. A removed token's secret is known even though it left storage.
 */
final class RecordingSecureStorage implements SecureStorage {
    private final SecureStorage delegate;

    RecordingSecureStorage(SecureStorage delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<SecretBytes> get(StorageNamespace namespace, String name) {
        return delegate.get(namespace, name);
    }

    @Override
    public void put(StorageNamespace namespace, String name, SecretBytes value) {
        record(name, value);
        delegate.put(namespace, name, value);
    }

    @Override
    public void putAll(StorageNamespace namespace, Map<String, SecretBytes> entries) {
        entries.forEach(RecordingSecureStorage::record);
        delegate.putAll(namespace, entries);
    }

    @Override
    public boolean delete(StorageNamespace namespace, String name) {
        return delegate.delete(namespace, name);
    }

    @Override
    public int deleteAll(StorageNamespace namespace, Collection<String> names) {
        return delegate.deleteAll(namespace, names);
    }

    @Override
    public int deleteAll(StorageNamespace namespace) {
        return delegate.deleteAll(namespace);
    }

    @Override
    public Set<String> names(StorageNamespace namespace) {
        return delegate.names(namespace);
    }

    /** Registers the secrets of one stored value; values that are not records are registered whole. */
    static void record(String name, SecretBytes value) {
        if (value == null || value.isDestroyed()) {
            return;
        }
        SecretRegistry.bytes("stored value", value.copyBytes(InsecureSecretAccess.get()));
        if (name.equals(InstanceStore.ACTIVATION_ENTRY)) {
            ActivationRecord record = ActivationRecord.decode(value);
            try {
                registerActivation(record);
            } finally {
                record.destroy();
            }
        } else if (name.startsWith(InstanceStore.TOKEN_ENTRY_PREFIX)) {
            TokenRecord record = TokenRecord.decode(value);
            try {
                SecretRegistry.bytes("token secret", record.isV4()
                        ? record.v4Secret().copyBytes(InsecureSecretAccess.get())
                        : record.secret().copyBytes(InsecureSecretAccess.get()));
            } finally {
                record.destroy();
            }
        }
    }

    private static void registerActivation(ActivationRecord record) {
        if (record.isV4()) {
            registerV4Activation(record);
            return;
        }
        key("possession key", record.possessionKey());
        key("transport key", record.transportKey());
        byte[] protectedKnowledge = record.protectedKnowledgeKey();
        byte[] salt = record.knowledgeSalt();
        SecretRegistry.bytes("protected knowledge key", protectedKnowledge);
        SecretRegistry.bytes("knowledge salt", salt);
        for (String password : SecretRegistry.passwords()) {
            key("knowledge key", KnowledgeKeyProtection.unprotect(protectedKnowledge, password.toCharArray(), salt,
                    record.knowledgeIterations()));
        }
        record.protectedBiometryKey().ifPresent(b -> SecretRegistry.bytes("protected biometry key", b));
        SecretRegistry.bytes("encrypted device private key", record.encryptedDevicePrivateKey());
        SecretRegistry.bytes("counter data", record.counter().copyBytes(InsecureSecretAccess.get()));
    }

    private static void registerV4Activation(ActivationRecord record) {
        V4ActivationData v4 = record.v4();
        v4Key("4.0 possession key", v4.possessionKey());
        v4Key("4.0 status MAC key", v4.statusMacKey());
        v4Key("4.0 counter MAC key", v4.ctrDataMacKey());
        v4Key("4.0 sharedInfo2 key", v4.sharedInfo2Key());
        v4Key("4.0 temporary key MAC key", v4.temporaryKeyMacKey());
        byte[] protectedKnowledge = record.protectedKnowledgeKey();
        byte[] salt = record.knowledgeSalt();
        SecretRegistry.bytes("protected knowledge key", protectedKnowledge);
        SecretRegistry.bytes("knowledge salt", salt);
        for (String password : SecretRegistry.passwords()) {
            v4Key("4.0 knowledge key", V4FactorKeyProtection.unprotectKnowledge(protectedKnowledge,
                    password.toCharArray(), salt, record.knowledgeIterations()));
        }
        record.protectedBiometryKey().ifPresent(b -> SecretRegistry.bytes("protected biometry key", b));
        SecretRegistry.bytes("counter data", record.v4Counter().copyBytes(InsecureSecretAccess.get()));
    }

    private static void v4Key(String kind, V4SymmetricKey key) {
        try {
            SecretRegistry.bytes(kind, key.copyBytes(InsecureSecretAccess.get()));
        } finally {
            key.destroy();
        }
    }

    private static void key(String kind, SymmetricKey key) {
        try {
            SecretRegistry.bytes(kind, key.copyBytes(InsecureSecretAccess.get()));
        } finally {
            key.destroy();
        }
    }

    @Override
    public <T> T exclusive(StorageNamespace namespace, java.time.Duration maxWait, java.util.function.Supplier<T> action) {
        return delegate.exclusive(namespace, maxWait, action);
    }

    @Override
    public long version(StorageNamespace namespace) {
        return delegate.version(namespace);
    }
}
