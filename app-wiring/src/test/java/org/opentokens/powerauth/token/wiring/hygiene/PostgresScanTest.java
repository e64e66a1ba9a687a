package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorage;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.PostgresTestCluster;
import org.opentokens.powerauth.token.port.out.PostgresTestSchema;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.testing.Reliability;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * Neither the PostgreSQL data directory (after a checkpoint: tables, indexes and WAL) nor a {@code pg_dump} of the
 * store's schema holds any secret that went through the store: activation keys, token secrets, passwords, header
 * values, the passphrase and the store's keys, in any of the scanner's spellings. A canary written in plain text
 * into the same schema is found in both, so the scan does see the data.
 */
@Tag("reliability")
class PostgresScanTest {
    private static final RandomSource RANDOM = RandomSource.of(new SecureRandom());
    @RegisterExtension
    static final PostgresTestSchema POSTGRES = new PostgresTestSchema("scan");

    private static PostgresTestCluster postgres() {
        return POSTGRES.cluster();
    }
    private final HygieneBed bed = new HygieneBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void theDataDirectoryAndADumpHoldNoSecret() throws Exception {
        byte[] random = RANDOM.nextBytes(12);
        String passphrase = "pg-storage-passphrase-" + HexFormat.of().formatHex(random);
        SecretRegistry.text("storage passphrase", passphrase);
        PostgresSecureStorage storage = PostgresSecureStorage.builder(postgres().pool(4)).schema(postgres().schema())
                .keySource(StorageKeySources.passphrase(passphrase.toCharArray(), RANDOM,
                        StorageKeySources.MIN_PBKDF2_ITERATIONS))
                .randomSource(RANDOM).open();
        SecureStorage recording = SecretRegistry.recording(storage);
        Module storageModule = binder -> binder.bind(SecureStorage.class).toInstance(recording);
        PowerAuthClient client = bed.client(bed.config("postgres", ProtocolVersion.V3_3), storageModule);
        int rounds = Reliability.pick(5, 50);
        bed.activate(client);
        for (int i = 0; i < rounds; i++) {
            client.tokenStore().requestAccessToken("p" + i, PowerAuthAuthentication.possession()).join();
            client.tokenStore().requestAccessToken("k" + i, HygieneBed.password()).join();
            assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("p" + i))).isEqualTo(200);
            assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken("k" + i))).isEqualTo(200);
            client.tokenStore().removeAccessToken("p" + i).join();
        }
        client.activation().fetchActivationStatus().join();
        SecretRegistry.walk(storage);
        String canary = "plain-canary-" + HexFormat.of().formatHex(RANDOM.nextBytes(8));
        postgres().sql("CREATE TABLE " + postgres().schema() + ".canary (note text)",
                "INSERT INTO " + postgres().schema() + ".canary VALUES ('" + canary + "')", "CHECKPOINT");
        Map<String, String[]> forms = new HashMap<>(SecretRegistry.forms());
        forms.put(canary, new String[] {"canary", "text"});
        SecretScanner scanner = new SecretScanner(forms);

        List<SecretScanner.Hit> directory = new ArrayList<>();
        long[] bytes = new long[1];
        try (Stream<Path> files = Files.walk(PostgresTestCluster.dataDirectory())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try {
                    bytes[0] += Files.size(file);
                    String name = PostgresTestCluster.dataDirectory().relativize(file).toString();
                    directory.addAll(scanner.scan(name, file));
                } catch (NoSuchFileException e) {
                    // a temporary file of the server (statistics) went away while we walked
                }
            }
        }
        List<SecretScanner.Hit> dump = scanner.scan("pg_dump", dump());
        client.close();
        storage.close();

        Reliability.record("hygiene: PostgreSQL data directory and pg_dump", rounds + " rounds, "
                + SecretRegistry.secretCount() + " secrets known, " + bytes[0] + " bytes of data directory, "
                + secretHits(directory).size() + " + " + secretHits(dump).size() + " hits");
        assertThat(secretHits(directory)).as("secrets in the data directory").isEmpty();
        assertThat(secretHits(dump)).as("secrets in the dump").isEmpty();
        assertThat(directory).as("the canary in the data directory").anyMatch(hit -> hit.label().equals("canary"));
        assertThat(dump).as("the canary in the dump").anyMatch(hit -> hit.label().equals("canary"));
    }

    private static List<SecretScanner.Hit> secretHits(List<SecretScanner.Hit> hits) {
        return hits.stream().filter(hit -> !hit.label().equals("canary")).toList();
    }

    /** @return a plain-format {@code pg_dump} of the test schema, taken with the cluster's own pg_dump */
    private static byte[] dump() throws IOException, InterruptedException {
        Path out = Files.createTempFile("pg-dump-", ".sql");
        try {
            Process process = new ProcessBuilder(PostgresTestCluster.program("pg_dump").toString(),
                    "--dbname=" + System.getenv(PostgresTestCluster.URL).substring("jdbc:".length()),
                    "--username=" + System.getenv(PostgresTestCluster.USER), "--schema=" + postgres().schema())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("pg_dump finished").isTrue();
            assertThat(process.exitValue()).as("pg_dump's exit code").isZero();
            return Files.readAllBytes(out);
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
