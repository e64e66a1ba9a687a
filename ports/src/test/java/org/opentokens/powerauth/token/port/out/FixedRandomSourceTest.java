package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FixedRandomSourceTest extends RandomSourceContract {

    @Override
    protected RandomSource create() {
        return new FixedRandomSource(new byte[] {1, 2, 3});
    }

    @Override
    protected boolean producesDistinctValues() {
        return false;
    }

    @Test
    void repeatsThePatternFromItsStartOnEveryDraw() {
        RandomSource source = create();

        assertThat(source.nextBytes(7)).containsExactly(1, 2, 3, 1, 2, 3, 1);
        assertThat(source.nextBytes(2)).containsExactly(1, 2);
        byte[] viaSecureRandom = new byte[4];
        source.secureRandom().nextBytes(viaSecureRandom);
        assertThat(viaSecureRandom).containsExactly(1, 2, 3, 1);
    }

    @Test
    void copiesThePattern() {
        byte[] pattern = {9, 9};
        RandomSource source = new FixedRandomSource(pattern);

        pattern[0] = 0;

        assertThat(source.nextBytes(2)).containsExactly(9, 9);
    }

    @Test
    void rejectsAnEmptyPattern() {
        assertThatThrownBy(() -> new FixedRandomSource(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repeatingGivesOneByteValue() {
        assertThat(FixedRandomSource.repeating(0xAB).nextBytes(3)).containsExactly(0xAB, 0xAB, 0xAB);
    }
}
