package org.opentokens.powerauth.token.wiring.multiprocess;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.opentokens.powerauth.testkit.EmulatorApplication;
import org.opentokens.powerauth.testkit.PowerAuthEmulator;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorage;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.SharedSecretAlgorithm;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.ClientProtocolVersion;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.SeededRandomSource;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.wiring.PostgresStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.SqliteStorageModule;
import org.opentokens.powerauth.token.wiring.testing.BedSteps;

/**
 * The parent side of a multi-process test: the emulator on 127.0.0.1, one store under a random raw key (an SQLite
 * file, or PostgreSQL tables in a test schema), and clients of this JVM built the way a host builds them. Workers
 * started with {@link WorkerJvm} join the same store and the same instance.
 */
final class SharedBed implements AutoCloseable {
    static final String PASSWORD = "shared-pin-2468";
    static final String INSTANCE = "shared";

    final PowerAuthEmulator emulator = PowerAuthEmulator.create();
    final URI baseUri = emulator.start();
    final EmulatorApplication application = emulator.createApplication();
    final Path directory;
    final Path database;
    /** The PostgreSQL store, or null for the SQLite file. */
    private final PostgresTestCluster postgres;
    private final String tablePrefix;
    private final byte[] key = new byte[32];
    private final List<PowerAuthClient> clients = new ArrayList<>();
    private final boolean v4;

    /** A bed on an SQLite file in a temporary directory. */
    SharedBed() throws IOException {
        this(null, null, false);
    }

    /** @param v4 whether the shared activation is a protocol 4.0 one ({@code EC_P384_ML_L3}), on an SQLite file */
    SharedBed(boolean v4) throws IOException {
        this(null, null, v4);
    }

    /**
     * A 3.3 bed.
     *
     * @param postgres the test schema the store's tables go into, or null for an SQLite file
     * @param tablePrefix the tables' prefix in it
     */
    SharedBed(PostgresTestCluster postgres, String tablePrefix) throws IOException {
        this(postgres, tablePrefix, false);
    }

    /**
     * @param postgres the test schema the store's tables go into, or null for an SQLite file
     * @param tablePrefix the tables' prefix in it
     * @param v4 whether the shared activation is a protocol 4.0 one ({@code EC_P384_ML_L3})
     */
    SharedBed(PostgresTestCluster postgres, String tablePrefix, boolean v4) throws IOException {
        this.v4 = v4;
        new SecureRandom().nextBytes(key);
        this.postgres = postgres;
        this.tablePrefix = tablePrefix;
        directory = Files.createTempDirectory("shared-activation-");
        database = directory.resolve("tokens.db");
    }

    /** @return how a worker names this bed's store: the file, or {@code pg:SCHEMA:PREFIX} */
    String store() {
        return postgres == null ? database.toString() : "pg:" + postgres.schema() + ":" + tablePrefix;
    }

    /** @return a client of this JVM on the shared store, checking storage at most every {@code headerRefresh} */
    PowerAuthClient client(Duration headerRefresh) {
        PowerAuthClientConfig.Builder builder = BedSteps.config(baseUri, application, INSTANCE, ProtocolVersion.V3_3,
                Duration.ofSeconds(20)).headerRefreshInterval(headerRefresh);
        if (v4) {
            builder.protocolVersion(ClientProtocolVersion.V4_0).algorithm(SharedSecretAlgorithm.EC_P384_ML_L3)
                    .masterKeysV4(application.masterServerPublicKeyP384(), application.masterServerPublicKeyMlDsa65());
        }
        PowerAuthClientConfig config = builder.build();
        Module storage = postgres == null
                ? new SqliteStorageModule(database, StorageKeySources.rawKey(SecretBytes.copyOf(key)))
                : new PostgresStorageModule(PostgresSecureStorage.builder(postgres.pool(4)).schema(postgres.schema())
                        .tablePrefix(tablePrefix).keySource(StorageKeySources.rawKey(SecretBytes.copyOf(key))));
        PowerAuthClient client = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config), storage)
                .getInstance(PowerAuthClient.class);
        clients.add(client);
        return client;
    }

    /** Activates the shared instance from this JVM. @return the activation id */
    String activate() {
        return BedSteps.activate(emulator, application, client(Duration.ZERO), "shared device", PASSWORD);
    }

    /** @return the activation record as stored now, read through a storage object of its own */
    ActivationRecord storedActivation() {
        StorageKeySource keys = StorageKeySources.rawKey(SecretBytes.copyOf(key));
        if (postgres == null) {
            try (SqliteSecureStorage storage = SqliteSecureStorage.builder(database).keySource(keys)
                    .randomSource(new SeededRandomSource(1)).open()) {
                return storedActivation(storage);
            }
        }
        try (PostgresSecureStorage storage = PostgresSecureStorage.builder(postgres.pool(2)).schema(postgres.schema())
                .tablePrefix(tablePrefix).keySource(keys).randomSource(RandomSource.of(new SecureRandom())).open()) {
            return storedActivation(storage);
        }
    }

    private static ActivationRecord storedActivation(SecureStorage storage) {
        SecretBytes raw = storage.get(StorageNamespace.of(INSTANCE), InstanceStore.ACTIVATION_ENTRY).orElseThrow();
        try {
            return ActivationRecord.decode(raw);
        } finally {
            raw.destroy();
        }
    }

    /** @return what a worker needs to join: server, application and store */
    List<String> workerArguments() {
        return List.of(baseUri.toString(), application.appKey(), application.appSecret(),
                application.masterServerPublicKey(), store(), INSTANCE, v4
                        ? "4.0|" + application.masterServerPublicKeyP384() + "|" + application.masterServerPublicKeyMlDsa65()
                        : "3.3");
    }

    /** @return whether the shared activation is a 4.0 one */
    boolean isV4() {
        return v4;
    }

    /** @return the path of token create for the shared activation's protocol */
    String tokenCreatePath() {
        return v4 ? "/pa/v4/token/create" : "/pa/v3/token/create";
    }

    /** @return the path of token remove for the shared activation's protocol */
    String tokenRemovePath() {
        return v4 ? "/pa/v4/token/remove" : "/pa/v3/token/remove";
    }

    String storageKeyHex() {
        return HexFormat.of().formatHex(key);
    }

    @Override
    public void close() throws IOException {
        clients.forEach(PowerAuthClient::close);
        emulator.close();
        java.util.Arrays.fill(key, (byte) 0);
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}
