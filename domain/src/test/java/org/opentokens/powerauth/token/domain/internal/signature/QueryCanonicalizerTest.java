package org.opentokens.powerauth.token.domain.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.http.PowerAuthRequestCanonizationUtils;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** Oracle: PowerAuthRequestCanonizationUtils.canonizeGetParameters (null result means "no parameters"). */
class QueryCanonicalizerTest {
    private static final int CASES = 3000;
    private static final String[] TOKENS = {
        "a", "b", "B", "z", "0", "9", "key", "val", "=", "=", "&", "&", "&&", "+", " ", "*", "~", ".", "-", "_",
        "!", "'", "(", ")", "/", "?", "#", ":", ";", ",", "@", "$", "\"", "<", "\\", "%", "%2", "%20", "%2B",
        "%41", "%61", "%7e", "%7E", "%26", "%3D", "%25", "%e2%82%ac", "%E2%82", "%C3%A9", "%C3", "%FF", "%00",
        "%-1", "%+1", "%-0", "%zz", "%g0", "ž", "é", "€", "ß", "😀", "\uD83D", "\uDE00", "中文", "\t", "\u0000",
    };

    @Test
    void matchesWultraOnRandomHostileQueryStrings() {
        SecureRandom random = Oracle.seeded(51);
        int rejected = 0;
        for (int i = 0; i < CASES; i++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(16);
            for (int j = 0; j < n; j++) {
                sb.append(TOKENS[random.nextInt(TOKENS.length)]);
            }
            if (assertSameAsWultra(sb.toString())) {
                rejected++;
            }
        }
        assertThat(rejected).as("some generated queries must exercise the error path").isBetween(1, CASES / 2);
    }

    @Test
    void matchesWultraOnRandomWellFormedParameterLists() {
        SecureRandom random = Oracle.seeded(52);
        for (int i = 0; i < CASES; i++) {
            StringBuilder sb = new StringBuilder();
            int params = random.nextInt(6);
            for (int j = 0; j < params; j++) {
                if (j > 0) {
                    sb.append('&');
                }
                sb.append(TOKENS[random.nextInt(9)]).append('=').append(TOKENS[random.nextInt(9)]);
            }
            assertThat(assertSameAsWultra(sb.toString())).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "&", "a", "a&b", "a=", "=b", "=", "a=1&a=0&a=10", "b=1&a=2", "a=b=c", "q=hello world", "q=hello+world",
        "q=a%2Bb", "q=*~", "q=%7E", "q=%C5%BE", "q=ž", "q=😀", "A=1&a=1&_=1&~=1", "x=1&&y=2&", "&x=1",
        "sort=name,asc&page=0&size=20", "k=%E2%82%AC%20%2B"})
    void matchesWultraOnNamedEdgeCases(String query) {
        assertThat(assertSameAsWultra(query)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%4", "a=%zz", "a=%-1", "%g1=b", "a=%41%", "a=%4x"})
    void rejectsMalformedPercentEncodingWithTypedError(String query) {
        assertThatThrownBy(() -> PowerAuthRequestCanonizationUtils.canonizeGetParameters(query))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QueryCanonicalizer.canonicalize(query))
                .isInstanceOf(MalformedDataException.class)
                .hasMessageNotContaining(query);
    }

    @Test
    void treatsNullAsNoParameters() {
        assertThat(PowerAuthRequestCanonizationUtils.canonizeGetParameters(null)).isEmpty();
        assertThat(QueryCanonicalizer.canonicalize(null)).isEmpty();
    }

    /** @return true if both rejected the query */
    private static boolean assertSameAsWultra(String query) {
        String theirs;
        try {
            theirs = PowerAuthRequestCanonizationUtils.canonizeGetParameters(query);
        } catch (IllegalArgumentException e) {
            assertThatThrownBy(() -> QueryCanonicalizer.canonicalize(query))
                    .as("query %s", escape(query))
                    .isInstanceOf(MalformedDataException.class);
            return true;
        }
        assertThat(QueryCanonicalizer.canonicalize(query))
                .as("query %s", escape(query))
                .isEqualTo(theirs == null ? "" : theirs);
        return false;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        s.chars().forEach(c -> sb.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return sb.toString();
    }
}
