package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentokens.powerauth.testkit.EmulatorActivationCode;
import org.opentokens.powerauth.token.adapter.storage.PassphraseKeySource;
import org.opentokens.powerauth.token.adapter.storage.StorageKeySources;
import org.opentokens.powerauth.token.adapter.storage.sqlite.SqliteSecureStorage;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.StorageNamespace;
import org.opentokens.powerauth.token.testing.Reliability;
import org.opentokens.powerauth.token.wiring.InMemoryStorageModule;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * Passwords and keys are wiped after use where the JVM lets us: the library's copies inside a
 * {@link PowerAuthAuthentication} after commit, signed calls (also failed ones) and removal; a token's cached
 * secret (and its prepared HMAC pads) when the token goes; the SQLite store's keys at close and a passphrase
 * source's passphrase at destroy. Each check reads the arrays themselves by reflection. The caller's own arrays
 * are copied at once, so the caller may wipe them straight away (the README's secrets section lists the limits).
 */
@Tag("reliability")
class SecretWipeTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final HygieneBed bed = new HygieneBed();
    private int arraysChecked;

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        bed.close();
        Reliability.record("hygiene: wipe checks, " + getClass().getSimpleName(), arraysChecked
                + " arrays read after use in this test, all zero");
    }

    @Test
    void commitWipesThePasswordAndBiometryKeyItCopiedAndTheCallerMayWipeItsOwnAtOnce() {
        PowerAuthClient client = client();
        EmulatorActivationCode code = bed.emulator.initActivation(bed.application);
        client.activation().createActivation(PowerAuthActivation.builder(code.activationCode(), "wipe").build()).join();
        char[] password = HygieneBed.PASSWORD.toCharArray();
        byte[] biometry = new byte[16];
        RANDOM.nextBytes(biometry);
        PowerAuthAuthentication commit = PowerAuthAuthentication.commitWithPasswordAndBiometry(password, biometry);
        Arrays.fill(password, '\0');
        Arrays.fill(biometry, (byte) 0);

        client.activation().commitActivation(commit);
        bed.emulator.commitActivation(code.activationId());

        assertWiped(commit);
        assertThat(client.tokenStore().requestAccessToken("t", HygieneBed.password()).join()).isNotNull();
    }

    @Test
    void signedCallsWipeTheirAuthenticationWhetherTheySucceedOrFail() {
        PowerAuthClient client = client();
        PowerAuthAuthentication beforeActivation = HygieneBed.password();
        assertThat(HygieneBed.failure(client.tokenStore().requestAccessToken("early", beforeActivation))).isNotNull();
        bed.activate(client);
        PowerAuthAuthentication right = HygieneBed.password();
        PowerAuthAuthentication wrong = PowerAuthAuthentication.possessionWithPassword("wipe-wrong-9".toCharArray());
        PowerAuthAuthentication removal = HygieneBed.password();

        client.tokenStore().requestAccessToken("t", right).join();
        assertThat(HygieneBed.failure(client.tokenStore().requestAccessToken("u", wrong))).isNotNull();
        client.activation().removeActivation(removal).join();

        for (PowerAuthAuthentication used : List.of(beforeActivation, right, wrong, removal)) {
            assertWiped(used);
        }
    }

    @Test
    void removingATokenWipesItsCachedSecretAndHmacPads() {
        PowerAuthClient client = client();
        bed.activate(client);
        for (String name : List.of("remote", "local", "all-1", "all-2", "activation")) {
            client.tokenStore().requestAccessToken(name, PowerAuthAuthentication.possession()).join();
            assertThat(bed.useHeader(client.tokenStore().generateHeaderForToken(name))).isEqualTo(200);
        }
        List<TokenRecord> remote = cached(client, "remote");
        List<TokenRecord> local = cached(client, "local");
        client.tokenStore().removeAccessToken("remote").join();
        client.tokenStore().removeLocalToken("local");
        assertWiped(remote);
        assertWiped(local);

        List<TokenRecord> all = cached(client, "all-1", "all-2", "activation");
        client.activation().removeActivationLocal();
        assertWiped(all);
    }

    @Test
    void theSqliteStoreWipesItsKeysAtCloseAndThePassphraseSourceItsPassphrase() {
        char[] passphrase = "wipe-storage-passphrase-31".toCharArray();
        PassphraseKeySource source = StorageKeySources.passphrase(passphrase, RandomSource.of(RANDOM),
                StorageKeySources.MIN_PBKDF2_ITERATIONS);
        SqliteSecureStorage storage = SqliteSecureStorage.builder(dir.resolve("wipe.db")).keySource(source)
                .randomSource(RandomSource.of(RANDOM)).open();
        storage.put(StorageNamespace.of("wipe"), "entry", SecretBytes.copyOf(new byte[] {1, 2, 3}));
        List<Object> ciphers = ObjectGraphWalker.instancesOf(storage, Object.class).stream()
                .filter(o -> o.getClass().getSimpleName().equals("RecordCipher")).toList();
        assertThat(ciphers).as("the store's cipher, found by reflection").hasSize(1);

        storage.close();
        source.destroy();

        assertWiped(ciphers);
        assertWiped(source);
    }

    private PowerAuthClient client() {
        return bed.client(bed.config("wipe", ProtocolVersion.V3_3), new InMemoryStorageModule());
    }

    private static List<TokenRecord> cached(PowerAuthClient client, String... names) {
        List<TokenRecord> records = ObjectGraphWalker.instancesOf(client, TokenRecord.class).stream()
                .filter(r -> List.of(names).contains(r.tokenName())).toList();
        assertThat(records).as("cached records of %s", List.of(names)).hasSizeGreaterThanOrEqualTo(names.length);
        return records;
    }

    private void assertWiped(Object used) {
        if (used instanceof javax.security.auth.Destroyable destroyable) {
            assertThat(destroyable.isDestroyed()).as("%s destroyed", used.getClass().getSimpleName()).isTrue();
        }
        WipeInspector.Report report = WipeInspector.inspect(used);
        assertThat(report.arrays()).as("arrays under %s", used.getClass().getSimpleName()).isPositive();
        assertThat(report.notWiped()).as("arrays not wiped").isEmpty();
        arraysChecked += report.arrays();
    }

    private void assertWiped(List<?> used) {
        assertThat(used).isNotEmpty();
        used.forEach(this::assertWiped);
    }
}
