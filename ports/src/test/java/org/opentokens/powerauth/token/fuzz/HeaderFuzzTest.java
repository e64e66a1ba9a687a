package org.opentokens.powerauth.token.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.internal.token.TokenSecret;
import org.opentokens.powerauth.token.domain.server.AuthorizationHeaderParser;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.domain.server.TokenHeaderVerifier;
import org.opentokens.powerauth.token.testing.Fuzz;
import org.opentokens.powerauth.token.testing.FuzzReport;
import org.opentokens.powerauth.token.testing.Mutations;
import org.opentokens.powerauth.token.testing.Reliability;

/**
 * Fuzzes the two header parsers: {@code X-PowerAuth-Token} (parse, re-render, verify) and
 * {@code X-PowerAuth-Authorization} (parse, re-render). The only allowed error is {@link MalformedDataException}
 * (its subclass {@code InvalidTokenHeaderException} for token headers), as both parsers document.
 */
@Tag("reliability")
class HeaderFuzzTest {
    private static final Random SEEDS = new Random(7);
    private final TokenSecret secret = TokenSecret.of(bytes(16));
    private final TokenHeaderVerifier verifier = new TokenHeaderVerifier();

    @Test
    void theTokenHeaderParserThrowsOnlyMalformedDataForAnyInput() {
        List<String> seeds = new ArrayList<>();
        for (ProtocolVersion version : ProtocolVersion.values()) {
            TokenHeader header = TokenHeader.generate(TokenId.of(UUID.randomUUID().toString()), secret, version,
                    bytes(16), 1_700_000_000_123L);
            String value = header.value();
            seeds.add(value);
            seeds.add(value.replace(", ", " "));
            seeds.add(value.replace(", ", ","));
            seeds.add("PowerAuth " + String.join(", ", reversedPairs(value)));
        }
        FuzzReport report = Fuzz.target("fuzz: X-PowerAuth-Token header parser",
                        Mutations.strings(seeds, 300), MalformedDataException.class)
                .run(Reliability.pick(20_000, 1_000_000), input -> {
                    TokenHeader parsed = TokenHeaderParser.parse(input);
                    TokenHeader again = TokenHeaderParser.parse(parsed.value());
                    if (!again.value().equals(parsed.value())) {
                        throw new AssertionError("a parsed header does not survive rendering and parsing again");
                    }
                    verifier.verify(parsed, parsed.tokenId(), secret, parsed.timestampMs());
                });

        report.assertNoUntypedErrors();
        assertThat(report.accepted()).as("valid seeds must verify").isPositive();
        assertThat(report.typed()).containsKeys("InvalidTokenHeaderException");
    }

    @Test
    void theAuthorizationHeaderParserThrowsOnlyMalformedDataForAnyInput() {
        List<String> seeds = new ArrayList<>();
        for (ProtocolVersion version : ProtocolVersion.values()) {
            for (PowerAuthSignatureType type : PowerAuthSignatureType.values()) {
                String signature = version == ProtocolVersion.V3_0 ? "12345678-87654321".substring(0, 8)
                        : B64.encode(bytes(16));
                AuthorizationHeader header = AuthorizationHeader.of(version, UUID.randomUUID().toString(),
                        B64.encode(bytes(16)), bytes(16), type, signature);
                seeds.add(header.value());
                seeds.add(header.value().replace(", ", " "));
            }
        }
        FuzzReport report = Fuzz.target("fuzz: X-PowerAuth-Authorization header parser",
                        Mutations.strings(seeds, 300), MalformedDataException.class)
                .run(Reliability.pick(20_000, 1_000_000), input -> {
                    AuthorizationHeader parsed = AuthorizationHeaderParser.parse(input);
                    AuthorizationHeader again = AuthorizationHeaderParser.parse(parsed.value());
                    if (!again.value().equals(parsed.value())) {
                        throw new AssertionError("a parsed header does not survive rendering and parsing again");
                    }
                });

        report.assertNoUntypedErrors();
        assertThat(report.accepted()).isPositive();
        assertThat(report.typedTotal()).isPositive();
    }

    private static List<String> reversedPairs(String value) {
        List<String> pairs = new ArrayList<>(List.of(value.substring("PowerAuth ".length()).split(", ")));
        java.util.Collections.reverse(pairs);
        return pairs;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        SEEDS.nextBytes(b);
        return b;
    }
}
