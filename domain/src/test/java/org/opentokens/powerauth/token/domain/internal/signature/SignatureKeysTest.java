package org.opentokens.powerauth.token.domain.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.error.SignatureFactorMissingException;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;

/** Oracle: PowerAuthClientKeyFactory.keysForSignatureType(type, kP, kK, kB). */
class SignatureKeysTest {
    @ParameterizedTest
    @EnumSource(PowerAuthSignatureType.class)
    void keysForTypeAreOrderedLikeWultra(PowerAuthSignatureType type) {
        SecureRandom random = Oracle.seeded(71 + type.ordinal());
        for (int i = 0; i < 50; i++) {
            SymmetricKey p = Oracle.key(random);
            SymmetricKey k = Oracle.key(random);
            SymmetricKey b = Oracle.key(random);

            List<SymmetricKey> ours = SignatureKeys.of(p, k, b).keysFor(type);

            List<SecretKey> theirs = Oracle.keys(type, p, k, b);
            assertThat(ours).hasSize(theirs.size()).hasSize(type.factorCount());
            for (int j = 0; j < ours.size(); j++) {
                assertThat(raw(ours.get(j))).isEqualTo(theirs.get(j).getEncoded());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = PowerAuthSignatureType.class, names = {"KNOWLEDGE", "POSSESSION_KNOWLEDGE",
        "POSSESSION_KNOWLEDGE_BIOMETRY"})
    void missingKnowledgeKeyIsATypedError(PowerAuthSignatureType type) {
        SignatureKeys keys = SignatureKeys.of(SymmetricKey.of(new byte[16]), null, SymmetricKey.of(new byte[16]));
        assertThatThrownBy(() -> keys.keysFor(type))
                .isInstanceOfSatisfying(SignatureFactorMissingException.class,
                        e -> assertThat(e.factor()).isEqualTo("knowledge"));
    }

    @ParameterizedTest
    @EnumSource(value = PowerAuthSignatureType.class, names = {"BIOMETRY", "POSSESSION_BIOMETRY"})
    void missingBiometryKeyIsATypedError(PowerAuthSignatureType type) {
        SignatureKeys keys = SignatureKeys.of(SymmetricKey.of(new byte[16]), SymmetricKey.of(new byte[16]), null);
        assertThatThrownBy(() -> keys.keysFor(type))
                .isInstanceOfSatisfying(SignatureFactorMissingException.class,
                        e -> assertThat(e.factor()).isEqualTo("biometry"));
    }

    @Test
    void possessionOnlyKeysSignPossession() {
        SymmetricKey p = Oracle.key(Oracle.seeded(72));
        List<SymmetricKey> keys = SignatureKeys.possessionOnly(p).keysFor(PowerAuthSignatureType.POSSESSION);
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).sameKeyAs(p)).isTrue();
    }

    @Test
    void holdsCopiesSoDestroyingTheOriginalsDoesNotAffectIt() {
        SymmetricKey p = Oracle.key(Oracle.seeded(73));
        byte[] before = raw(p);
        SignatureKeys keys = SignatureKeys.possessionOnly(p);
        p.destroy();
        assertThat(raw(keys.possession())).isEqualTo(before);
        keys.destroy();
        assertThat(keys.isDestroyed()).isTrue();
        assertThat(keys.possession().isDestroyed()).isTrue();
    }

    @Test
    void toStringRevealsNoKeyMaterial() {
        SecureRandom random = Oracle.seeded(74);
        SymmetricKey p = Oracle.key(random);
        SymmetricKey k = Oracle.key(random);
        SymmetricKey b = Oracle.key(random);
        String text = SignatureKeys.of(p, k, b).toString();
        for (SymmetricKey key : List.of(p, k, b)) {
            assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(raw(key)))
                    .doesNotContainIgnoringCase(HexFormat.of().formatHex(raw(key)));
        }
        assertThat(text).contains("redacted");
    }

    private static byte[] raw(SymmetricKey key) {
        return key.copyBytes(InsecureSecretAccess.get());
    }
}
