package org.opentokens.powerauth.token.cli;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.port.internal.in.NameRules;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/**
 * One command's view of an instance: the open store, the instance's saved server settings and, on demand, the
 * client built by Guice over the store. Closing it stops the client and closes the store. Only {@code activate}
 * creates a store; the other commands find none and say that there is no activation.
 */
final class CliSession implements AutoCloseable {
    /** Where the instances' server settings live, apart from the instances' own namespaces. */
    static final StorageNamespace CONFIG_NAMESPACE = StorageNamespace.of("powerauth-token-cli:instances");
    static final String DB_FILE = "tokens.db";
    /** Where {@code encrypt} keeps the response contexts that {@code decrypt} uses, per instance. */
    static final StorageNamespace ECIES_NAMESPACE = StorageNamespace.of("powerauth-token-cli:ecies");

    private final CliEnvironment env;
    private final Path file;
    private final StoreOpener.Opened store;
    private final SqliteSecureStorage storage;
    private final String instance;
    private final Duration timeout;
    private PowerAuthClient client;
    private boolean closed;

    private CliSession(CliEnvironment env, Path file, StoreOpener.Opened store, String instance, Duration timeout) {
        this.env = env;
        this.file = file;
        this.store = store;
        this.storage = store.storage();
        this.instance = instance;
        this.timeout = timeout;
    }

    /**
     * @return a session over the existing store
     * @throws CliException ({@link ExitCodes#ACTIVATION}) if there is no store yet, ({@link ExitCodes#USAGE}) for a
     *     bad {@code --instance}
     */
    static CliSession open(PowerAuthTokenCli root) {
        String instance = checkInstance(root.instance);
        Path file = databaseFile(root, root.env());
        if (!Files.exists(file)) {
            throw new CliException(ExitCodes.ACTIVATION, noActivation(instance) + " (there is no store at " + file
                    + " yet)");
        }
        return open(root, file);
    }

    /**
     * @return whether the store of this command line exists (no store means no activation)
     * @throws CliException ({@link ExitCodes#USAGE}) for a bad {@code --instance}
     */
    static boolean storeExists(PowerAuthTokenCli root) {
        checkInstance(root.instance);
        return Files.exists(databaseFile(root, root.env()));
    }

    /** @return a session over the store, which is created if it does not exist yet (for {@code activate}) */
    static CliSession openOrCreate(PowerAuthTokenCli root) {
        return open(root, databaseFile(root, root.env()));
    }

    private static CliSession open(PowerAuthTokenCli root, Path file) {
        CliEnvironment env = root.env();
        String instance = checkInstance(root.instance);
        RandomSource random = RandomSource.of(new SecureRandom());
        StoreOpener.Opened store = new StoreOpener(env, random).open(file, root.keySource, root.passphraseStdin);
        return new CliSession(env, file, store, instance, root.timeout);
    }

    /** @throws CliException ({@link ExitCodes#USAGE}) if the instance id is not plain text */
    static String checkInstance(String instance) {
        try {
            return NameRules.instanceId(instance);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.USAGE, "--instance: " + e.getMessage());
        }
    }

    /** @return true if this session's command created the store */
    boolean createdStore() {
        return store.keys().created();
    }

    /**
     * Closes the session and deletes the store it created, with the keychain item of its key: a failed
     * {@code activate} leaves nothing behind.
     */
    void closeAndDeleteNewStore() {
        close();
        if (createdStore()) {
            StoreOpener.deleteNewStore(file, store.keys());
        }
    }

    static Path databaseFile(PowerAuthTokenCli root, CliEnvironment env) {
        if (root.db != null) {
            return root.db;
        }
        return (root.dataDir != null ? root.dataDir : env.defaultDataDir).resolve(DB_FILE);
    }

    String instance() {
        return instance;
    }

    Optional<InstanceConfig> config() {
        return storage.get(CONFIG_NAMESPACE, instance).map(InstanceConfig::decode);
    }

    /** @throws CliException ({@link ExitCodes#ACTIVATION}) if the instance was never activated */
    InstanceConfig requireConfig() {
        return config().orElseThrow(() -> new CliException(ExitCodes.ACTIVATION, noActivation(instance)));
    }

    private static String noActivation(String instance) {
        return "instance '" + instance + "' has no activation; create one with: powerauth-token activate"
                + (instance.equals("default") ? "" : " --instance " + instance) + " --server URL ...";
    }

    /**
     * Keeps an ECIES response context (the envelope keys of one request) in the encrypted store until
     * {@link #takeEciesContext} reads it back, once.
     */
    void saveEciesContext(String id, org.opentokens.powerauth.token.domain.secret.SecretBytes context) {
        storage.put(ECIES_NAMESPACE, instance + ":" + id, context);
    }

    /** @return the context saved under this id, removed from the store, or empty */
    java.util.Optional<org.opentokens.powerauth.token.domain.secret.SecretBytes> takeEciesContext(String id) {
        String name = instance + ":" + id;
        java.util.Optional<org.opentokens.powerauth.token.domain.secret.SecretBytes> context =
                storage.get(ECIES_NAMESPACE, name);
        context.ifPresent(found -> storage.delete(ECIES_NAMESPACE, name));
        return context;
    }

    void saveConfig(InstanceConfig config) {
        storage.put(CONFIG_NAMESPACE, instance, config.encode());
    }

    void deleteConfig() {
        storage.delete(CONFIG_NAMESPACE, instance);
    }

    PowerAuthClient client(InstanceConfig config) {
        if (client == null) {
            client = Guice.createInjector(Stage.PRODUCTION,
                    new PowerAuthTokenModule(config.clientConfig(instance, env.knowledgeKeyIterations, timeout)),
                    binder -> binder.bind(SecureStorage.class).toInstance(storage))
                    .getInstance(PowerAuthClient.class);
        }
        return client;
    }

    PowerAuthClient client() {
        return client(requireConfig());
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            storage.close();
        }
    }
}
