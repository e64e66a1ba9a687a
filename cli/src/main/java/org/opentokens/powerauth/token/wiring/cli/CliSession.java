package org.opentokens.powerauth.token.wiring.cli;

import com.google.inject.Guice;
import com.google.inject.Stage;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;

/**
 * One command's view of an instance: the open store, the instance's saved server settings and, on demand, the
 * client built by Guice over the store. Closing it stops the client and closes the store.
 */
final class CliSession implements AutoCloseable {
    /** Where the instances' server settings live, apart from the instances' own namespaces. */
    static final StorageNamespace CONFIG_NAMESPACE = StorageNamespace.of("powerauth-token-cli:instances");
    static final String DB_FILE = "tokens.db";

    private final CliEnvironment env;
    private final SqliteSecureStorage storage;
    private final String instance;
    private PowerAuthClient client;

    private CliSession(CliEnvironment env, SqliteSecureStorage storage, String instance) {
        this.env = env;
        this.storage = storage;
        this.instance = instance;
    }

    static CliSession open(PowerAuthTokenCli root) {
        CliEnvironment env = root.env();
        RandomSource random = RandomSource.of(new SecureRandom());
        SqliteSecureStorage storage = new StoreOpener(env, random)
                .open(databaseFile(root, env), root.keySource, root.passphraseStdin);
        return new CliSession(env, storage, root.instance);
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
        return config().orElseThrow(() -> new CliException(ExitCodes.ACTIVATION, "instance '" + instance
                + "' has no activation; create one with: powerauth-token activate --instance " + instance + " ..."));
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
                    new PowerAuthTokenModule(config.clientConfig(instance, env.knowledgeKeyIterations)),
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
        try {
            if (client != null) {
                client.close();
            }
        } finally {
            storage.close();
        }
    }
}
