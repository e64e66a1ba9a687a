package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.testing.Reliability;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.SqliteStorageModule;

/**
 * The SQLite store's files (database, {@code -wal}, {@code -shm}, {@code -journal}) hold none of the secrets
 * that went through them: activation keys, token secrets, passwords, header values, the passphrase and the
 * store's own keys. Checked while the store is open and again after it is closed. The adapter always runs in
 * WAL mode, so there is no {@code journal_mode=DELETE} variant to try.
 */
@Tag("reliability")
class SqliteFileScanTest {
    private static final RandomSource RANDOM = RandomSource.of(new SecureRandom());
    private final HygieneBed bed = new HygieneBed();
    private final List<String> scannedFiles = new ArrayList<>();
    private long scannedBytes;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void theSqliteModuleFilesHoldNoSecretWhileOpen() throws IOException {
        Path file = dir.resolve("tokens.db");
        String passphrase = passphrase();
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config()),
                new SqliteStorageModule(file, StorageKeySources.passphrase(passphrase.toCharArray(), RANDOM,
                        StorageKeySources.MIN_PBKDF2_ITERATIONS)));
        SecureStorage storage = injector.getInstance(SecureStorage.class);
        PowerAuthClient client = injector.getInstance(PowerAuthClient.class);
        try {
            int rounds = flows(client, () -> recordAll(storage));
            SecretRegistry.walk(storage, client);

            List<SecretScanner.Hit> hits = scan(file);

            Reliability.record("hygiene: SQLite files while open (SqliteStorageModule)", summary(rounds, hits));
            assertThat(hits).isEmpty();
            assertThat(scannedFiles).contains("tokens.db", "tokens.db-wal");
            assertThat(scannedBytes).isPositive();
        } finally {
            client.close();
        }
    }

    @Test
    void theSqliteFilesHoldNoSecretAfterTheStoreIsClosed() throws IOException {
        Path file = dir.resolve("closed.db");
        String passphrase = passphrase();
        SqliteSecureStorage sqlite = SqliteSecureStorage.builder(file)
                .keySource(StorageKeySources.passphrase(passphrase.toCharArray(), RANDOM,
                        StorageKeySources.MIN_PBKDF2_ITERATIONS))
                .randomSource(RANDOM).open();
        SecureStorage recording = SecretRegistry.recording(sqlite);
        Module storageModule = binder -> binder.bind(SecureStorage.class).toInstance(recording);
        PowerAuthClient client = bed.client(config(), storageModule);
        int rounds = flows(client, () -> { });
        SecretRegistry.walk(sqlite);
        List<SecretScanner.Hit> open = scan(file);
        client.close();
        sqlite.close();
        scannedFiles.clear();

        List<SecretScanner.Hit> hits = scan(file);

        Reliability.record("hygiene: SQLite files after close", summary(rounds, hits) + "; while open: "
                + open.size() + " hits");
        assertThat(open).isEmpty();
        assertThat(hits).isEmpty();
        assertThat(scannedFiles).contains("closed.db");
        assertThat(scannedBytes).isPositive();
    }

    /** Activates, makes tokens of both factor sets, uses headers, removes a token. @return header rounds */
    private int flows(PowerAuthClient client, Runnable afterWrite) {
        bed.activate(client);
        afterWrite.run();
        int rounds = Reliability.pick(5, 50);
        for (int i = 0; i < rounds; i++) {
            client.tokenStore().requestAccessToken("p" + i, PowerAuthAuthentication.possession()).join();
            client.tokenStore().requestAccessToken("k" + i, HygieneBed.password()).join();
            afterWrite.run();
            assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("p" + i))).isEqualTo(200);
            assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("k" + i))).isEqualTo(200);
            client.tokenStore().removeAccessToken("p" + i).join();
        }
        client.activation().fetchActivationStatus().join();
        afterWrite.run();
        return rounds;
    }

    private static void recordAll(SecureStorage storage) {
        StorageNamespace namespace = StorageNamespace.of("sqlite");
        for (String name : storage.names(namespace)) {
            storage.get(namespace, name).ifPresent(value -> RecordingSecureStorage.record(name, value));
        }
    }

    private List<SecretScanner.Hit> scan(Path db) throws IOException {
        SecretScanner scanner = new SecretScanner(SecretRegistry.forms());
        List<SecretScanner.Hit> hits = new ArrayList<>();
        for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
            Path file = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(file)) {
                byte[] bytes = Files.readAllBytes(file);
                scannedFiles.add(file.getFileName().toString());
                scannedBytes += bytes.length;
                hits.addAll(scanner.scan(file.getFileName().toString(), bytes));
            }
        }
        return hits;
    }

    private String summary(int rounds, List<SecretScanner.Hit> hits) {
        return rounds + " rounds (2 tokens, 2 headers, 1 removal each), " + SecretRegistry.secretCount()
                + " secrets known, files " + scannedFiles + " (" + scannedBytes + " bytes), " + hits.size() + " hits";
    }

    private PowerAuthClientConfig config() {
        return bed.config("sqlite", ProtocolVersion.V3_3);
    }

    private static String passphrase() {
        byte[] random = RANDOM.nextBytes(12);
        String passphrase = "storage-passphrase-" + HexFormat.of().formatHex(random);
        SecretRegistry.text("storage passphrase", passphrase);
        return passphrase;
    }
}
