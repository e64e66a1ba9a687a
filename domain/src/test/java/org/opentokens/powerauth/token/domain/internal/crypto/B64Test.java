package org.opentokens.powerauth.token.domain.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The in-buffer encoder matches the JDK's standard Base64 encoder. */
class B64Test {

    @Test
    void encodeIntoWritesTheJdkEncodingForEveryLengthUpTo100() {
        Random random = new Random(7);
        for (int length = 0; length <= 100; length++) {
            byte[] src = new byte[length];
            random.nextBytes(src);
            byte[] dst = new byte[3 + B64.encodedLength(length) + 2];
            Arrays.fill(dst, (byte) '#');

            int end = B64.encodeInto(src, dst, 3);

            String expected = Base64.getEncoder().encodeToString(src);
            assertThat(end).as("length %d", length).isEqualTo(3 + expected.length());
            assertThat(new String(dst, 3, end - 3, StandardCharsets.US_ASCII)).as("length %d", length)
                    .isEqualTo(expected);
            assertThat(new String(dst, 0, 3, StandardCharsets.US_ASCII) + (char) dst[end] + (char) dst[end + 1])
                    .as("bytes around the output stay untouched").isEqualTo("#####");
        }
    }

    @Test
    void encodedLengthCountsPadding() {
        assertThat(B64.encodedLength(0)).isZero();
        assertThat(B64.encodedLength(1)).isEqualTo(4);
        assertThat(B64.encodedLength(16)).isEqualTo(24);
        assertThat(B64.encodedLength(32)).isEqualTo(44);
    }
}
