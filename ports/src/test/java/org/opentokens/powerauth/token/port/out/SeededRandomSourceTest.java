package org.opentokens.powerauth.token.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeededRandomSourceTest extends RandomSourceContract {

    @Override
    protected RandomSource create() {
        return new SeededRandomSource(42L);
    }

    @Test
    void sameSeedGivesSameStream() {
        RandomSource a = new SeededRandomSource(7L);
        RandomSource b = new SeededRandomSource(7L);

        assertThat(a.nextBytes(16)).isEqualTo(b.nextBytes(16));
        assertThat(a.nextBytes(1024)).isEqualTo(b.nextBytes(1024));
    }

    @Test
    void differentSeedsGiveDifferentStreams() {
        assertThat(new SeededRandomSource(1L).nextBytes(16)).isNotEqualTo(new SeededRandomSource(2L).nextBytes(16));
    }

    @Test
    void bytesAndSecureRandomShareOneStream() {
        RandomSource mixed = new SeededRandomSource(9L);
        RandomSource bytesOnly = new SeededRandomSource(9L);
        byte[] fromSecureRandom = new byte[16];

        byte[] first = mixed.nextBytes(16);
        mixed.secureRandom().nextBytes(fromSecureRandom);

        assertThat(first).isEqualTo(bytesOnly.nextBytes(16));
        assertThat(fromSecureRandom).isEqualTo(bytesOnly.nextBytes(16));
    }
}
