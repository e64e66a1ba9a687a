package org.opentokens.powerauth.token.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecordBuilder;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.domain.internal.token.TokenSecret;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.testing.Fuzz;
import org.opentokens.powerauth.token.testing.FuzzReport;
import org.opentokens.powerauth.token.testing.Mutations;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Fuzzes the binary decoders of stored records (corrupt storage): {@link ActivationRecord#decode} and
 * {@link TokenRecord#decode}. The only allowed error is {@link MalformedDataException}; a record that decodes must
 * encode to the same bytes again.
 */
@Tag("reliability")
class StoredRecordFuzzTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void theActivationRecordDecoderThrowsOnlyMalformedDataForAnyBytes() {
        List<byte[]> seeds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ActivationRecordBuilder builder = ActivationRecord.builder()
                    .activationId(UUID.randomUUID().toString())
                    .publicKeys(P256.generateKeyPair(random).publicKey(), P256.generateKeyPair(random).publicKey())
                    .keys(SymmetricKey.of(bytes(16)), SymmetricKey.of(bytes(16)))
                    .knowledge(bytes(16), bytes(16), 1 + i * 5000)
                    .encryptedDevicePrivateKey(bytes(48))
                    .counter(HashCounter.of(bytes(16), i * 40));
            if (i % 2 == 0) {
                builder.biometry(bytes(16));
            }
            if (i % 3 == 0) {
                builder.serverState(ActivationState.values()[i % ActivationState.values().length]);
            }
            seeds.add(builder.build().encode().copyBytes(InsecureSecretAccess.get()));
        }
        FuzzReport report = Fuzz.target("fuzz: stored ActivationRecord decoder", Mutations.bytes(seeds, 400),
                        MalformedDataException.class)
                .describedBy(Mutations::hex)
                .run(Reliability.pick(20_000, 500_000), input -> {
                    ActivationRecord record = ActivationRecord.decode(SecretBytes.copyOf(input));
                    byte[] again = record.encode().copyBytes(InsecureSecretAccess.get());
                    ActivationRecord.decode(SecretBytes.copyOf(again));
                    if (!java.util.Arrays.equals(again, ActivationRecord.decode(SecretBytes.copyOf(again)).encode()
                            .copyBytes(InsecureSecretAccess.get()))) {
                        throw new AssertionError("a decoded activation record does not encode stably");
                    }
                });

        report.assertNoUntypedErrors();
        assertThat(report.accepted()).isPositive();
        assertThat(report.typedTotal()).isPositive();
    }

    @Test
    void theTokenRecordDecoderThrowsOnlyMalformedDataForAnyBytes() {
        List<byte[]> seeds = new ArrayList<>();
        for (PowerAuthSignatureType type : PowerAuthSignatureType.values()) {
            TokenRecord record = TokenRecord.of("name-" + type, TokenId.of(UUID.randomUUID().toString()),
                    TokenSecret.of(bytes(16)), UUID.randomUUID().toString(), type, 1_700_000_000_000L);
            seeds.add(record.encode().copyBytes(InsecureSecretAccess.get()));
        }
        FuzzReport report = Fuzz.target("fuzz: stored TokenRecord decoder", Mutations.bytes(seeds, 300),
                        MalformedDataException.class)
                .describedBy(Mutations::hex)
                .run(Reliability.pick(20_000, 500_000), input -> {
                    TokenRecord record = TokenRecord.decode(SecretBytes.copyOf(input));
                    byte[] again = record.encode().copyBytes(InsecureSecretAccess.get());
                    if (!java.util.Arrays.equals(again, TokenRecord.decode(SecretBytes.copyOf(again)).encode()
                            .copyBytes(InsecureSecretAccess.get()))) {
                        throw new AssertionError("a decoded token record does not encode stably");
                    }
                });

        report.assertNoUntypedErrors();
        assertThat(report.accepted()).isPositive();
        assertThat(report.typedTotal()).isPositive();
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
