package org.opentokens.powerauth.token.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;

class PublicValuesTest {

    @Test
    void eachFactoryGivesItsSignatureType() {
        byte[] key = new byte[16];
        assertThat(PowerAuthAuthentication.possession().signatureType()).isEqualTo(PowerAuthSignatureType.POSSESSION);
        assertThat(PowerAuthAuthentication.possessionWithPassword("p".toCharArray()).signatureType())
                .isEqualTo(PowerAuthSignatureType.POSSESSION_KNOWLEDGE);
        assertThat(PowerAuthAuthentication.possessionWithBiometry(key).signatureType())
                .isEqualTo(PowerAuthSignatureType.POSSESSION_BIOMETRY);
        assertThat(PowerAuthAuthentication.possessionWithPasswordAndBiometry("p".toCharArray(), key).signatureType())
                .isEqualTo(PowerAuthSignatureType.POSSESSION_KNOWLEDGE_BIOMETRY);
    }

    @Test
    void theAuthenticationCopiesAndThenWipesThePassword() {
        char[] password = "secret-pin".toCharArray();
        PowerAuthAuthentication auth = PowerAuthAuthentication.possessionWithPassword(password);
        password[0] = 'X';
        assertThat(auth.copyPassword()).hasValueSatisfying(p -> assertThat(new String(p)).isEqualTo("secret-pin"));
        assertThat(auth.toString()).doesNotContain("secret-pin").contains("possession_knowledge");

        auth.destroy();

        assertThat(auth.isDestroyed()).isTrue();
        assertThatThrownBy(auth::copyPassword).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(auth::checkAlive).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badFactorsAreRejectedUpFront() {
        assertThatThrownBy(() -> PowerAuthAuthentication.possessionWithPassword(new char[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password must not be empty");
        assertThatThrownBy(() -> PowerAuthAuthentication.possessionWithBiometry(new byte[5]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 bytes, not 5");
    }

    @Test
    void aHeaderShowsItsNameButNeverItsValue() {
        PowerAuthAuthorizationHttpHeader header = new PowerAuthAuthorizationHttpHeader("X-PowerAuth-Token",
                "PowerAuth token_digest=\"c2VjcmV0\"");
        assertThat(header.toString()).contains("X-PowerAuth-Token").doesNotContain("c2VjcmV0");
        assertThat(header.asHeaderLine()).isEqualTo("X-PowerAuth-Token: PowerAuth token_digest=\"c2VjcmV0\"");
    }

    @Test
    void aRejectionKeepsOnlyASanitizedCode() {
        ServerRejectedException plain = new ServerRejectedException(401, "ERR_AUTHENTICATION");
        assertThat(plain.httpStatus()).isEqualTo(401);
        assertThat(plain.hasErrorCode("ERR_AUTHENTICATION")).isTrue();
        assertThat(plain.getMessage()).contains("401").contains("ERR_AUTHENTICATION");

        ServerRejectedException hostile = new ServerRejectedException(400, "<script>" + "x".repeat(100));
        assertThat(hostile.errorCode()).hasValueSatisfying(code -> assertThat(code).hasSize(64).doesNotContain("<"));
        assertThat(new ServerRejectedException(500, "").errorCode()).isEmpty();
    }

    @Test
    void tokensCompareByValue() {
        var id = org.opentokens.powerauth.token.domain.TokenId.of("2f4a6b1c-8d3e-4f5a-9b6c-7d8e9f0a1b2c");
        PowerAuthToken a = new PowerAuthToken("n", id, PowerAuthSignatureType.POSSESSION, "act");
        assertThat(a).isEqualTo(new PowerAuthToken("n", id, PowerAuthSignatureType.POSSESSION, "act"))
                .hasSameHashCodeAs(new PowerAuthToken("n", id, PowerAuthSignatureType.POSSESSION, "act"))
                .isNotEqualTo(new PowerAuthToken("n", id, PowerAuthSignatureType.POSSESSION_BIOMETRY, "act"));
    }
}
