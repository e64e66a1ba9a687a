package org.opentokens.powerauth.token.domain.internal.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.http.PowerAuthTokenHttpHeader;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;

/**
 * Differential tests of {@link TokenHeaderParser#parse} against the server's {@code PowerAuthTokenHttpHeader.fromValue}
 * plus {@code PowerAuthTokenHttpHeaderValidator.validate}.
 */
class TokenHeaderParserConformanceTest {
    private static final String[] SEPARATORS = {", ", ",", " ", "", ",  ", " ,", "\t", ", \t", ",,"};
    private static final String MUTATION_CHARS = "\", =aZ09+/-_\t.x";

    @Test
    void acceptsExactlyWhatTheServerAcceptsAcrossFieldOrdersSeparatorsAndQuoting() {
        TestTokenFactory f = new TestTokenFactory(601);
        int bothAccepted = 0;
        int bothRejected = 0;
        for (int i = 0; i < 2000; i++) {
            String value = variant(f);
            Optional<PowerAuthTokenHttpHeader> theirs = WultraTokens.parseAndValidate(value);
            Optional<TokenHeader> ours = tryParse(value);
            assertThat(ours.isPresent()).as("value %s", value).isEqualTo(theirs.isPresent());
            if (ours.isPresent()) {
                bothAccepted++;
                assertSameFields(ours.get(), theirs.get());
            } else {
                bothRejected++;
            }
        }
        assertThat(bothAccepted).isGreaterThan(500);
        assertThat(bothRejected).isGreaterThan(100);
    }

    @Test
    void neverAcceptsAMutatedHeaderTheServerRejectsOrReadsDifferently() {
        TestTokenFactory f = new TestTokenFactory(602);
        int accepted = 0;
        for (int i = 0; i < 3000; i++) {
            String value = mutate(canonical(f), f);
            Optional<TokenHeader> ours = tryParse(value);
            if (ours.isPresent()) {
                accepted++;
                Optional<PowerAuthTokenHttpHeader> theirs = WultraTokens.parseAndValidate(value);
                assertThat(theirs).as("value %s", value).isPresent();
                assertSameFields(ours.get(), theirs.get());
            }
        }
        assertThat(accepted).isGreaterThan(100);
    }

    private static Optional<TokenHeader> tryParse(String value) {
        try {
            return Optional.of(TokenHeaderParser.parse(value));
        } catch (InvalidTokenHeaderException e) {
            return Optional.empty();
        }
    }

    private static void assertSameFields(TokenHeader ours, PowerAuthTokenHttpHeader theirs) {
        assertThat(ours.tokenId().value()).isEqualTo(theirs.getTokenId());
        assertThat(ours.version().wireValue()).isEqualTo(theirs.getVersion());
        assertThat(ours.digest()).isEqualTo(Base64.getDecoder().decode(theirs.getTokenDigest()));
        assertThat(ours.nonce()).isEqualTo(Base64.getDecoder().decode(theirs.getNonce()));
        assertThat(ours.timestampMs()).isEqualTo(Long.parseLong(theirs.getTimestamp()));
    }

    /** A valid header in SDK form. */
    private static String canonical(TestTokenFactory f) {
        ProtocolVersion v = ProtocolVersion.values()[f.nextInt(4)];
        return TokenHeader.generate(TokenId.of(WultraTokens.newTokenId()), TokenSecret.of(f.secret()), v, f.nonce(),
                f.timestamp()).value();
    }

    /** Fields in random order with random separators, quoting, casing, extra and duplicate fields. */
    private static String variant(TestTokenFactory f) {
        List<String[]> fields = new ArrayList<>();
        String id = WultraTokens.newTokenId();
        fields.add(new String[] {"token_id", f.nextInt(5) == 0 ? id.toUpperCase(Locale.ROOT) : id});
        fields.add(new String[] {"token_digest", WultraTokens.b64(f.bytes(f.nextInt(8) == 0 ? 31 : 32))});
        fields.add(new String[] {"nonce", WultraTokens.b64(f.bytes(16))});
        String ts = Long.toString(f.timestamp());
        if (f.nextInt(8) == 0) {
            ts = "0" + ts;
        }
        fields.add(new String[] {"timestamp", ts});
        fields.add(new String[] {"version", f.nextInt(10) == 0 ? "3.4" : ProtocolVersion.values()[f.nextInt(4)]
                .wireValue()});
        if (f.nextInt(5) == 0) {
            fields.add(new String[] {"application_key", WultraTokens.b64(f.bytes(16))});
        }
        if (f.nextInt(8) == 0) {
            String[] dup = fields.get(f.nextInt(fields.size()));
            fields.add(new String[] {dup[0], dup[1]});
        }
        if (f.nextInt(10) == 0) {
            fields.remove(f.nextInt(fields.size()));
        }
        Collections.shuffle(fields, new Random(f.nextInt(Integer.MAX_VALUE)));
        StringBuilder sb = new StringBuilder(f.nextInt(6) == 0 ? "  PowerAuth " : "PowerAuth ");
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                sb.append(SEPARATORS[f.nextInt(SEPARATORS.length)]);
            }
            boolean quoted = f.nextInt(6) != 0;
            sb.append(fields.get(k)[0]).append('=');
            sb.append(quoted ? "\"" + fields.get(k)[1] + "\"" : fields.get(k)[1]);
        }
        if (f.nextInt(6) == 0) {
            sb.append(f.nextBoolean() ? " " : ",");
        }
        return sb.toString();
    }

    private static String mutate(String value, TestTokenFactory f) {
        StringBuilder sb = new StringBuilder(value);
        int edits = 1 + f.nextInt(2);
        for (int e = 0; e < edits; e++) {
            int pos = f.nextInt(sb.length());
            char c = MUTATION_CHARS.charAt(f.nextInt(MUTATION_CHARS.length()));
            switch (f.nextInt(3)) {
                case 0 -> sb.setCharAt(pos, c);
                case 1 -> sb.deleteCharAt(pos);
                default -> sb.insert(pos, c);
            }
        }
        return sb.toString();
    }
}
