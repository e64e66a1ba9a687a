package org.opentokens.powerauth.token.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.StatusBlobException;
import org.opentokens.powerauth.token.domain.internal.activation.ActivationStatusBlob;
import org.opentokens.powerauth.token.domain.internal.counter.CounterSync;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.Aes;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.testing.Fuzz;
import org.opentokens.powerauth.token.testing.FuzzInputs;
import org.opentokens.powerauth.token.testing.FuzzReport;
import org.opentokens.powerauth.token.testing.Mutations;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Fuzzes the status blob: decryption and parsing ({@link ActivationStatusBlob#decrypt}) followed by the counter
 * synchronization the status check runs on it ({@link CounterSync#synchronize}). Half of the inputs mutate the
 * ciphertext, half mutate the plaintext and encrypt it properly, so the parser sees well-formed magic with
 * arbitrary fields. Allowed errors: {@link MalformedDataException} and {@link StatusBlobException}.
 */
@Tag("reliability")
class StatusBlobFuzzTest {
    private static final Random SEEDS = new Random(11);
    private final SymmetricKey transport = SymmetricKey.of(bytes(16));
    private final byte[] challenge = bytes(16);
    private final byte[] nonce = bytes(16);
    private final byte[] ctrData = bytes(16);

    /** @param plaintextLevel whether {@code bytes} is a plaintext to encrypt @param v30 no challenge and nonce */
    private record BlobInput(boolean plaintextLevel, boolean v30, byte[] bytes) {
        @Override
        public String toString() {
            return (plaintextLevel ? "plaintext " : "ciphertext ") + (v30 ? "3.0 " : "3.1+ ") + Mutations.hex(bytes);
        }
    }

    @Test
    void decryptingAndSynchronizingOnAnyStatusBlobThrowsOnlyTypedErrors() {
        List<byte[]> plaintexts = new ArrayList<>();
        for (int state = 1; state <= 5; state++) {
            for (int ahead = 0; ahead < 4; ahead++) {
                plaintexts.add(plaintext(state, ahead * 7, 5 + ahead * 20));
            }
        }
        List<byte[]> ciphertexts = new ArrayList<>();
        for (byte[] p : plaintexts) {
            ciphertexts.add(encrypt(p, false));
        }
        var plainMutants = Mutations.bytes(plaintexts, 40);
        var cipherMutants = Mutations.bytes(ciphertexts, 40);
        var inputs = FuzzInputs.of(r -> {
            boolean plain = r.nextBoolean();
            return new BlobInput(plain, r.nextInt(4) == 0, (plain ? plainMutants : cipherMutants).next(r));
        });
        HashCounter local = HashCounter.of(ctrData.clone(), 0);

        FuzzReport report = Fuzz.target("fuzz: status blob (decrypt, parse, counter sync)", inputs,
                        MalformedDataException.class, StatusBlobException.class)
                .run(Reliability.pick(20_000, 500_000), input -> {
                    byte[] encrypted = input.plaintextLevel() && input.bytes().length == ActivationStatusBlob.LENGTH
                            ? encrypt(input.bytes(), input.v30()) : input.bytes();
                    ActivationStatusBlob blob = ActivationStatusBlob.decrypt(encrypted, transport,
                            input.v30() ? null : challenge, input.v30() ? null : nonce);
                    CounterSync.synchronize(local, blob, transport);
                });

        report.assertNoUntypedErrors();
        assertThat(report.accepted()).isPositive();
        assertThat(report.typed()).containsKeys("StatusBlobException", "MalformedDataException");
    }

    private byte[] plaintext(int state, int serverAhead, int lookAhead) {
        HashCounter server = HashCounter.of(ctrData.clone(), 0);
        for (int i = 0; i < serverAhead; i++) {
            server = server.next();
        }
        byte[] blob = new byte[32];
        blob[0] = (byte) 0xDE;
        blob[1] = (byte) 0xC0;
        blob[2] = (byte) 0xDE;
        blob[3] = (byte) 0xD1;
        blob[4] = (byte) state;
        blob[5] = 3;
        blob[6] = 3;
        blob[12] = (byte) server.ctrByte();
        blob[13] = 1;
        blob[14] = 5;
        blob[15] = (byte) lookAhead;
        System.arraycopy(server.ctrDataHash(transport), 0,
                blob, 16, 16);
        return blob;
    }

    private byte[] encrypt(byte[] plain, boolean v30) {
        byte[] iv = ActivationStatusBlob.statusIv(transport, v30 ? null : challenge, v30 ? null : nonce);
        return Aes.cbcEncryptNoPadding(transport.copyBytes(InsecureSecretAccess.get()), iv, plain);
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        SEEDS.nextBytes(b);
        return b;
    }
}
