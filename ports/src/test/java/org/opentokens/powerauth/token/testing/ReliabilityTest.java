package org.opentokens.powerauth.token.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReliabilityTest {
    private final String saved = System.getProperty(Reliability.MODE_PROPERTY);

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(Reliability.MODE_PROPERTY);
        } else {
            System.setProperty(Reliability.MODE_PROPERTY, saved);
        }
    }

    @Test
    void theShortModeIsTheDefault() {
        System.clearProperty(Reliability.MODE_PROPERTY);

        assertThat(Reliability.mode()).isEqualTo(Reliability.Mode.SHORT);
        assertThat(Reliability.pick(10, 1_000_000)).isEqualTo(10);
    }

    @Test
    void theLongModeScalesUp() {
        System.setProperty(Reliability.MODE_PROPERTY, "LONG");

        assertThat(Reliability.pick(10, 1_000_000)).isEqualTo(1_000_000);
        assertThat(Reliability.pick("a", "b")).isEqualTo("b");
    }

    @Test
    void anUnknownModeIsRefused() {
        System.setProperty(Reliability.MODE_PROPERTY, "medium");

        assertThatThrownBy(Reliability::mode).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("medium");
    }
}
