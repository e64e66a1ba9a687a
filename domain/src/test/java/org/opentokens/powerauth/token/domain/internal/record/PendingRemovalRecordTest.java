package org.opentokens.powerauth.token.domain.internal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.TokenId;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

class PendingRemovalRecordTest {
    private static final TokenId ID = TokenId.of("2f4a6b1c-8d3e-4f5a-9b6c-7d8e9f0a1b2c");

    @Test
    void roundTripsEveryField() {
        PendingRemovalRecord record = new PendingRemovalRecord("účet 💳", ID, "act-1", 1_700_000_000_123L);

        assertThat(PendingRemovalRecord.decode(record.encode())).isEqualTo(record);
    }

    @Test
    void otherRecordsAndDamagedBytesAreRejected() {
        byte[] good = new PendingRemovalRecord("t", ID, "a", 1L).encode().copyBytes(InsecureSecretAccess.get());
        TokenRecord token = TokenRecord.of("t", ID,
                org.opentokens.powerauth.token.domain.internal.token.TokenSecret.of(new byte[16]), "a",
                org.opentokens.powerauth.token.domain.PowerAuthSignatureType.POSSESSION, 1L);

        assertThatThrownBy(() -> PendingRemovalRecord.decode(token.encode()))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> PendingRemovalRecord.decode(
                SecretBytes.takeOwnership(Arrays.copyOf(good, good.length - 1))))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> PendingRemovalRecord.decode(
                SecretBytes.takeOwnership(Arrays.copyOf(good, good.length + 1))))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void holdsNoSecretAndNeedsEveryField() {
        assertThatThrownBy(() -> new PendingRemovalRecord(null, ID, "a", 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PendingRemovalRecord("t", null, "a", 0)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PendingRemovalRecord("t", ID, null, 0)).isInstanceOf(NullPointerException.class);
    }
}
