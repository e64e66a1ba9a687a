package org.opentokens.powerauth.token.adapter.http.internal.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.adapter.http.internal.JacksonJsonCodec;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.testing.Fuzz;
import org.opentokens.powerauth.token.testing.FuzzReport;
import org.opentokens.powerauth.token.testing.JsonMutations;
import org.opentokens.powerauth.token.testing.Mutations;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Fuzzes {@link JacksonJsonCodec#readObject}, which reads every decrypted ECIES payload (token, activation layers 1
 * and 2) and the temporary-key JWT header and claims. The port documents {@link MalformedDataException} as its only
 * error; what it accepts must write to the same bytes after one more read and write.
 */
@Tag("reliability")
class JsonCodecFuzzTest {
    private final JsonCodec codec = new JacksonJsonCodec();

    @Test
    void readingAnyBytesThrowsOnlyMalformedData() {
        List<byte[]> seeds = List.of(
                utf8("{\"tokenId\":\"d2e4f6a8-b0c2-4d4e-8f0a-1b3c5d7e9f01\",\"tokenSecret\":\"VVVVVVVVVVVVVVVVVVVVVQ==\"}"),
                utf8("{\"activationData\":{\"encryptedData\":\"MzMz\",\"mac\":\"RERE\",\"nonce\":\"VVVV\","
                        + "\"timestamp\":1700000000123},\"customAttributes\":{\"a\":[1,2.5,true,null]},"
                        + "\"userInfo\":{\"name\":\"\\u00e9\"}}"),
                utf8("{\"activationId\":\"1b6c8a0e-3f4d-4b2a-9c1e-7d5f6a8b9c0d\",\"serverPublicKey\":\"BAAA\","
                        + "\"ctrData\":\"VVVVVVVVVVVVVVVVVVVVVQ==\",\"activationRecovery\":{\"recoveryCode\":\"A\","
                        + "\"puk\":\"1\"}}"),
                utf8("{\"alg\":\"ES256\",\"typ\":\"JWT\"}"),
                utf8("{\"sub\":\"k\",\"applicationKey\":\"a\",\"challenge\":\"c\",\"publicKey\":\"p\","
                        + "\"iat\":1700000000,\"exp\":1700000300,\"iat_ms\":1700000000123,\"exp_ms\":1700000300123}"));
        FuzzReport report = Fuzz.target("fuzz: JSON codec (decrypted payloads, JWT parts)", JsonMutations.of(seeds),
                        MalformedDataException.class)
                .describedBy(Mutations::text)
                .run(Reliability.pick(20_000, 500_000), input -> {
                    // Numbers normalise on the first write (1e2 is read as a decimal, written as 100, read as a
                    // long), so the check is that writing is stable from then on.
                    byte[] written = codec.write(codec.readObject(input));
                    if (!Arrays.equals(codec.write(codec.readObject(written)), written)) {
                        throw new AssertionError("an accepted object does not survive writing and reading");
                    }
                });

        report.assertNoUntypedErrors();
        assertThat(report.accepted()).isPositive();
        assertThat(report.typedTotal()).isPositive();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
