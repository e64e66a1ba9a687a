package org.opentokens.powerauth.token.benchmarks.coldstart;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthorizationHttpHeader;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.wiring.InMemoryStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.PowerAuthClientConfig;
import org.opentokens.powerauth.token.wiring.PowerAuthTokenModule;
import org.opentokens.powerauth.token.wiring.SqliteStorageModule;

/**
 * The cold-start process: builds the injector with the storage, generates the first header of the stored token
 * (synchronizing time with the server first, as a fresh process must) and exits.
 *
 * <p>Arguments: {@code <storage> <store path> <base URI> <app key> <app secret> <master public key>
 * <spawn epoch ms>}. Storage {@code sqlite} opens the SQLite store (its raw key, as a keychain would hand it
 * over, in {@code <store path>.key}); {@code memory-seeded} loads the stored entries from a file into the
 * in-memory storage. It prints {@code injector=<ms> header=<ms>} (milliseconds since
 * the parent spawned it) and then the header value for the parent to check against the server.
 */
public final class ColdStartMain {
    /** The stored token's name. */
    public static final String TOKEN_NAME = "bench";
    /** Storage kind: the in-memory storage, seeded from a file. */
    public static final String MEMORY_SEEDED = "memory-seeded";
    /** Storage kind: the SQLite store file, its raw master key in a file next to it. */
    public static final String SQLITE = "sqlite";
    /** Suffix of the key file next to a SQLite store. */
    static final String KEY_SUFFIX = ".key";

    private ColdStartMain() {
    }

    /**
     * @param args see the class description
     * @throws IOException if the seed file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 7) {
            throw new IllegalArgumentException("usage: ColdStartMain <storage> <store path> <base URI> <app key> "
                    + "<app secret> <master public key> <spawn epoch ms>");
        }
        long spawned = Long.parseLong(args[6]);
        PowerAuthClientConfig config = PowerAuthClientConfig.builder(args[2], args[3], args[4], args[5]).build();
        Path store = Path.of(args[1]);
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new PowerAuthTokenModule(config),
                storageModule(args[0], store));
        if (MEMORY_SEEDED.equals(args[0])) {
            seed(injector.getInstance(SecureStorage.class), config, store);
        }
        long injectorReady = System.currentTimeMillis() - spawned;
        try (PowerAuthClient client = injector.getInstance(PowerAuthClient.class)) {
            PowerAuthAuthorizationHttpHeader header = client.tokenStore().generateHeaderForToken(TOKEN_NAME);
            long headerReady = System.currentTimeMillis() - spawned;
            PrintStream out = System.out;
            out.println("injector=" + injectorReady + " header=" + headerReady);
            out.println(header.value());
            out.flush();
        }
    }

    /**
     * @param kind the storage kind
     * @param store the store path
     * @return the wiring's storage module for that kind, as a host installs it
     * @throws IOException if the SQLite key file cannot be read
     */
    static Module storageModule(String kind, Path store) throws IOException {
        if (MEMORY_SEEDED.equals(kind)) {
            return new InMemoryStorageModule();
        }
        if (SQLITE.equals(kind)) {
            return new SqliteStorageModule(store, StorageKeySources.rawKey(readKey(store)));
        }
        throw new IllegalArgumentException("unknown storage kind " + kind);
    }

    /** @return the raw master key stored next to a SQLite store */
    static SecretBytes readKey(Path store) throws IOException {
        return SecretBytes.takeOwnership(Base64.getDecoder().decode(
                Files.readString(keyFile(store), StandardCharsets.US_ASCII).strip()));
    }

    static Path keyFile(Path store) {
        return store.resolveSibling(store.getFileName() + KEY_SUFFIX);
    }

    /** Loads {@code name<TAB>base64(value)} lines into the instance's namespace. */
    private static void seed(SecureStorage storage, PowerAuthClientConfig config, Path file) throws IOException {
        Map<String, SecretBytes> entries = new HashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            int tab = line.indexOf('\t');
            entries.put(line.substring(0, tab), SecretBytes.takeOwnership(Base64.getDecoder().decode(
                    line.substring(tab + 1))));
        }
        storage.putAll(config.powerAuthConfiguration().namespace(), entries);
    }
}
