package org.opentokens.powerauth.token.domain.internal.ecies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorScope;
import io.getlime.security.powerauth.crypto.lib.util.EciesUtils;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.internal.crypto.P256;
import org.opentokens.powerauth.token.domain.internal.crypto.SymmetricKey;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Validation of {@link EciesParameters}, {@link EciesSecrets} and encryptor creation; secrets stay redacted. */
class EciesParametersAndSecretsTest {
    private static final SecureRandom RANDOM = WultraKeys.seeded(4242);
    private static final String APP_KEY = B64.encode(EciesFixture.bytes(RANDOM, 16));
    private static final String APP_SECRET = B64.encode(EciesFixture.bytes(RANDOM, 16));
    private static final EcPublicKey SERVER = P256.generateKeyPair(RANDOM).publicKey();

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    @RepeatedTest(100)
    void sharedInfo2BaseEqualsWultrasForBothScopes() throws Exception {
        String appSecret = B64.encode(EciesFixture.bytes(RANDOM, 16));
        byte[] transport = EciesFixture.bytes(RANDOM, 16);
        assertThat(EciesSecrets.forApplication(SERVER, appSecret).copySharedInfo2Base(InsecureSecretAccess.get()))
                .isEqualTo(EciesUtils.deriveSharedInfo2Base(EncryptorScope.APPLICATION_SCOPE, appSecret, null));
        assertThat(EciesSecrets.forActivation(SERVER, appSecret, SymmetricKey.of(transport))
                .copySharedInfo2Base(InsecureSecretAccess.get()))
                .isEqualTo(EciesUtils.deriveSharedInfo2Base(EncryptorScope.ACTIVATION_SCOPE, appSecret, transport));
    }

    @Test
    void requiresTemporaryKeyIdExactlyFromVersion33() {
        assertThatThrownBy(() -> new EciesParameters(ProtocolVersion.V3_3, APP_KEY, null, null))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> new EciesParameters(ProtocolVersion.V3_3, APP_KEY, null, " "))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> new EciesParameters(ProtocolVersion.V3_2, APP_KEY, null, "key-1"))
                .isInstanceOf(MalformedDataException.class);
        assertThat(new EciesParameters(ProtocolVersion.V3_3, APP_KEY, null, "key-1").temporaryKeyId()).isEqualTo("key-1");
    }

    @Test
    void rejectsApplicationKeyThatIsNotBase64Of16BytesAndBlankActivationId() {
        assertThatThrownBy(() -> new EciesParameters(ProtocolVersion.V3_1, "%%%", null, null))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> new EciesParameters(ProtocolVersion.V3_1, B64.encode(new byte[15]), null, null))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> new EciesParameters(ProtocolVersion.V3_1, APP_KEY, "", null))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void rejectsAppSecretThatIsNotBase64Of16Bytes() {
        assertThatThrownBy(() -> EciesSecrets.forApplication(SERVER, "not base64!"))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> EciesSecrets.forActivation(SERVER, B64.encode(new byte[20]), SymmetricKey.of(new byte[16])))
                .isInstanceOf(MalformedDataException.class);
    }

    @Test
    void refusesToMixScopes() {
        EciesSecrets app = EciesSecrets.forApplication(SERVER, APP_SECRET);
        EciesSecrets act = EciesSecrets.forActivation(SERVER, APP_SECRET, SymmetricKey.of(new byte[16]));
        EciesParameters appParams = new EciesParameters(ProtocolVersion.V3_2, APP_KEY, null, null);
        EciesParameters actParams = new EciesParameters(ProtocolVersion.V3_2, APP_KEY,
                "9b1c4d2e-8f3a-4b5c-9d6e-7f8091a2b3c4", null);
        assertThatThrownBy(() -> EciesEncryptor.create(EciesEncryptorId.CREATE_TOKEN, actParams, app))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> EciesEncryptor.create(EciesEncryptorId.CREATE_TOKEN, appParams, act))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> EciesEncryptor.create(EciesEncryptorId.ACTIVATION_LAYER_2, actParams, app))
                .isInstanceOf(MalformedDataException.class);
        assertThat(EciesEncryptor.create(EciesEncryptorId.ACTIVATION_LAYER_2, appParams, app)).isNotNull();
    }

    @Test
    void comparesSecretsByValue() {
        SymmetricKey transport = SymmetricKey.of(EciesFixture.bytes(RANDOM, 16));
        EciesSecrets a = EciesSecrets.forActivation(SERVER, APP_SECRET, transport);
        EciesSecrets b = EciesSecrets.forActivation(SERVER, APP_SECRET, transport);
        EciesSecrets c = EciesSecrets.forActivation(SERVER, APP_SECRET, SymmetricKey.of(EciesFixture.bytes(RANDOM, 16)));
        EciesSecrets d = EciesSecrets.forActivation(P256.generateKeyPair(RANDOM).publicKey(), APP_SECRET, transport);
        assertThat(a.sameSecretsAs(b)).isTrue();
        assertThat(a.sameSecretsAs(c)).isFalse();
        assertThat(a.sameSecretsAs(d)).isFalse();
    }

    @Test
    void destroyWipesTheDerivedSecret() {
        EciesSecrets s = EciesSecrets.forApplication(SERVER, APP_SECRET);
        s.destroy();
        assertThat(s.isDestroyed()).isTrue();
        assertThatThrownBy(() -> s.copySharedInfo2Base(InsecureSecretAccess.get())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void toStringNeverShowsSecrets() {
        byte[] transport = EciesFixture.bytes(RANDOM, 16);
        EciesSecrets s = EciesSecrets.forActivation(SERVER, APP_SECRET, SymmetricKey.of(transport));
        byte[] base = s.copySharedInfo2Base(InsecureSecretAccess.get());
        EciesEncryptor e = EciesEncryptor.create(EciesEncryptorId.CREATE_TOKEN,
                new EciesParameters(ProtocolVersion.V3_2, APP_KEY, "9b1c4d2e-8f3a-4b5c-9d6e-7f8091a2b3c4", null), s);
        for (String text : new String[] {s.toString(), e.toString()}) {
            assertThat(text).doesNotContain(APP_SECRET, B64.encode(base), B64.encode(transport),
                    HexFormat.of().formatHex(base), HexFormat.of().formatHex(transport));
        }
    }
}
