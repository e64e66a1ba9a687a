package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The production path: {@link RandomSource#of(SecureRandom)} over a real JDK generator. */
class SecureRandomSourceTest extends RandomSourceContract {

    @Override
    protected RandomSource create() {
        return RandomSource.of(new SecureRandom());
    }

    @Test
    void sharesTheGivenGenerator() {
        SecureRandom shared = new SecureRandom();

        RandomSource source = RandomSource.of(shared);

        assertThat(source.secureRandom()).isSameAs(shared);
        assertThat(source.secureRandom()).isSameAs(source.secureRandom());
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> RandomSource.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringNamesOnlyTheAlgorithm() {
        assertThat(RandomSource.of(new SecureRandom())).hasToString(
                "RandomSource[" + new SecureRandom().getAlgorithm() + "]");
    }
}
