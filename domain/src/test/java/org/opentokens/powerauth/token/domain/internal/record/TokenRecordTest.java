package org.opentokens.powerauth.token.domain.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.token.TokenSecret;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

class TokenRecordTest {
    private static final byte[] SECRET = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static final TokenId ID = TokenId.of("2f4a6b1c-8d3e-4f5a-9b6c-7d8e9f0a1b2c");

    private static TokenRecord sample() {
        return TokenRecord.of("účet 💳", ID, TokenSecret.of(SECRET), "act-1",
                PowerAuthSignatureType.POSSESSION_KNOWLEDGE, 1_700_000_000_123L);
    }

    @Test
    void roundTripsEveryField() {
        TokenRecord decoded = TokenRecord.decode(sample().encode());

        assertThat(decoded.tokenName()).isEqualTo("účet 💳");
        assertThat(decoded.tokenId()).isEqualTo(ID);
        assertThat(decoded.secret().sameSecretAs(TokenSecret.of(SECRET))).isTrue();
        assertThat(decoded.activationId()).isEqualTo("act-1");
        assertThat(decoded.signatureType()).isEqualTo(PowerAuthSignatureType.POSSESSION_KNOWLEDGE);
        assertThat(decoded.createdAtMs()).isEqualTo(1_700_000_000_123L);
    }

    @Test
    void everyTruncationIsATypedError() {
        byte[] encoded = sample().encode().copyBytes(InsecureSecretAccess.get());
        for (int length = 0; length < encoded.length; length++) {
            SecretBytes cut = SecretBytes.copyOf(Arrays.copyOf(encoded, length));
            assertThatThrownBy(() -> TokenRecord.decode(cut)).isInstanceOf(MalformedDataException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 4})
    void aForeignMagicOrVersionIsRejected(int index) {
        byte[] encoded = sample().encode().copyBytes(InsecureSecretAccess.get());
        encoded[index] ^= 0x01;
        assertThatThrownBy(() -> TokenRecord.decode(SecretBytes.copyOf(encoded)))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] encoded = sample().encode().copyBytes(InsecureSecretAccess.get());
        byte[] longer = Arrays.copyOf(encoded, encoded.length + 1);
        assertThatThrownBy(() -> TokenRecord.decode(SecretBytes.copyOf(longer)))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void toStringAndErrorsNeverShowTheSecret() {
        String hex = HexFormat.of().formatHex(SECRET);
        String b64 = Base64.getEncoder().encodeToString(SECRET);
        assertThat(sample().toString()).doesNotContain(hex).doesNotContain(b64).contains("redacted");
    }

    @Test
    void theRecordKeepsItsOwnCopyOfTheSecret() {
        TokenSecret secret = TokenSecret.of(SECRET);
        TokenRecord record = TokenRecord.of("n", ID, secret, "a", PowerAuthSignatureType.POSSESSION, 0);
        secret.destroy();
        assertThat(record.secret().sameSecretAs(TokenSecret.of(SECRET))).isTrue();
        record.destroy();
        assertThat(record.isDestroyed()).isTrue();
    }
}
