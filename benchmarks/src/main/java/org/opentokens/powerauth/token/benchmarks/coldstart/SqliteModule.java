package org.opentokens.powerauth.token.benchmarks.coldstart;

import com.google.inject.Exposed;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.nio.file.Path;
import org.opentokens.powerauth.token.benchmarks.storage.Backends;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * Binds {@link SecureStorage} to a {@code SqliteSecureStorage} on a file with a raw master key, opened at once
 * and closable, unlike the wiring's lazy, process-long {@code SqliteStorageModule}: the probe prepares the store
 * with it and closes it before the cold processes open the file.
 */
final class SqliteModule extends PrivateModule {
    private final Path file;
    private final SecretBytes key;

    SqliteModule(Path file, SecretBytes key) {
        this.file = file;
        this.key = key;
    }

    @Override
    protected void configure() {
        // The storage is bound by the @Provides method below.
    }

    @Provides
    @Singleton
    @Exposed
    SecureStorage storage() {
        return Backends.sqlite(file, key);
    }
}
