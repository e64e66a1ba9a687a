package org.opentokens.powerauth.token.domain.internal.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.http.validator.ValueTypeValidator;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** Token ID validation against the server's {@code ValueTypeValidator.isValidUuid}. */
class TokenIdTest {
    private static final String ALPHABET = "0123456789abcdefABCDEFgGxz-_ ";

    @Test
    void acceptsServerGeneratedIdsAndKeepsThemVerbatim() {
        for (int i = 0; i < TestTokenFactory.CASES; i++) {
            String id = WultraTokens.newTokenId();
            assertThat(TokenId.of(id).value()).isEqualTo(id);
            String upper = id.toUpperCase(Locale.ROOT);
            assertThat(ValueTypeValidator.isValidUuid(upper)).isTrue();
            assertThat(TokenId.of(upper).value()).isEqualTo(upper);
        }
    }

    @Test
    void agreesWithServerValidatorOnMutatedCandidates() {
        TestTokenFactory f = new TestTokenFactory(81);
        int accepted = 0;
        int rejected = 0;
        for (int i = 0; i < 2000; i++) {
            String candidate = mutate(UUID.randomUUID().toString(), f);
            boolean server = ValueTypeValidator.isValidUuid(candidate);
            assertThat(TokenId.isValid(candidate)).as("candidate %s", candidate).isEqualTo(server);
            if (server) {
                accepted++;
                assertThatCode(() -> TokenId.of(candidate)).doesNotThrowAnyException();
            } else {
                rejected++;
                assertThatThrownBy(() -> TokenId.of(candidate))
                        .isInstanceOf(MalformedDataException.class)
                        .hasMessageNotContaining(candidate);
            }
        }
        assertThat(accepted).isGreaterThan(100);
        assertThat(rejected).isGreaterThan(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "3f8a1c2e-5b7d-4e9f-8a1b-2c3d4e5f6a7",
        "3f8a1c2e-5b7d-4e9f-8a1b-2c3d4e5f6a7b0",
        "3f8a1c2e-5b7d-0e9f-8a1b-2c3d4e5f6a7b",
        "3f8a1c2e-5b7d-6e9f-8a1b-2c3d4e5f6a7b",
        "3f8a1c2e-5b7d-4e9f-ca1b-2c3d4e5f6a7b",
        "3f8a1c2e-5b7d-4e9f-7a1b-2c3d4e5f6a7b",
        "3f8a1c2e5b7d-4e9f-8a1b-2c3d4e5f6a7b0",
        "3g8a1c2e-5b7d-4e9f-8a1b-2c3d4e5f6a7b",
        " 3f8a1c2e-5b7d-4e9f-8a1b-2c3d4e5f6a7b",
        "3f8a1c2e-5b7d-4e9f-8a1b-2c3d4e5f6a7b\n"
    })
    void rejectsIdsTheServerRejects(String candidate) {
        assertThat(ValueTypeValidator.isValidUuid(candidate)).isFalse();
        assertThatThrownBy(() -> TokenId.of(candidate)).isInstanceOf(MalformedDataException.class);
    }

    @Test
    void rejectsNullAsProgrammingError() {
        assertThatThrownBy(() -> TokenId.of(null)).isInstanceOf(NullPointerException.class);
        assertThat(TokenId.isValid(null)).isFalse();
    }

    private static String mutate(String uuid, TestTokenFactory f) {
        StringBuilder sb = new StringBuilder(uuid);
        int edits = f.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int kind = f.nextInt(4);
            int pos = f.nextInt(sb.length());
            char c = ALPHABET.charAt(f.nextInt(ALPHABET.length()));
            switch (kind) {
                case 0 -> sb.setCharAt(pos, c);
                case 1 -> sb.deleteCharAt(pos);
                case 2 -> sb.insert(pos, c);
                default -> sb.setCharAt(14, c);
            }
        }
        if (f.nextInt(4) == 0) {
            sb.setCharAt(19, "0123456789abcdefAB".charAt(f.nextInt(18)));
        }
        return sb.toString();
    }
}
