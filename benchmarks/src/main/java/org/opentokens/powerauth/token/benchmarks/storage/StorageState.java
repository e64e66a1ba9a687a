package org.opentokens.powerauth.token.benchmarks.storage;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** A storage holding {@value #ENTRIES} entries of {@value #VALUE_BYTES} bytes (about one token record each). */
@State(Scope.Thread)
public class StorageState {
    /** Entries stored before measuring; puts and gets cycle through them. */
    static final int ENTRIES = 1000;
    /** Size of each value, close to an encoded token record. */
    static final int VALUE_BYTES = 160;

    /** The back end: {@code memory}, {@code sqlite} or {@code postgres}. */
    @Param({Backends.MEMORY, Backends.SQLITE, Backends.POSTGRES})
    public String backend;

    final StorageNamespace namespace = StorageNamespace.of("bench");
    final String[] names = new String[ENTRIES];
    SecureStorage storage;
    SecretBytes value;
    int next;
    private Path directory;

    /** @throws Exception if the back end cannot be opened */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Backends.temporaryDirectory();
        storage = Backends.open(backend, directory);
        byte[] raw = new byte[VALUE_BYTES];
        new SecureRandom().nextBytes(raw);
        value = SecretBytes.copyOf(raw);
        for (int i = 0; i < ENTRIES; i++) {
            names[i] = "token:bench-" + i;
            storage.put(namespace, names[i], value);
        }
    }

    /** @return the next entry name, cycling */
    String nextName() {
        int i = next;
        next = i + 1 == ENTRIES ? 0 : i + 1;
        return names[i];
    }

    /** @throws Exception if closing fails */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        Backends.close(storage);
        Backends.delete(directory);
    }
}
