package org.opentokens.powerauth.token.domain.internal.ecies;

import static org.assertj.core.api.Assertions.assertThat;

import io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorId;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.opentokens.powerauth.token.domain.ProtocolVersion;

/** Our encryptor IDs match Wultra's {@code EncryptorId} in name, constant, scope and sharedInfo1 per version. */
class EciesEncryptorIdTest {
    @Test
    void hasExactlyWultrasEncryptorIds() {
        assertThat(Arrays.stream(EciesEncryptorId.values()).map(Enum::name))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(EncryptorId.values()).map(Enum::name).toList());
    }

    @ParameterizedTest
    @EnumSource(EciesEncryptorId.class)
    void matchesWultraConstantScopeAndSharedInfo1ForEveryVersion(EciesEncryptorId id) {
        EncryptorId theirs = EncryptorId.valueOf(id.name());
        assertThat(id.value()).isEqualTo(theirs.value());
        assertThat(id.scope().name() + "_SCOPE").isEqualTo(theirs.scope().name());
        for (ProtocolVersion v : ProtocolVersion.values()) {
            assertThat(id.sharedInfo1(v)).as("%s %s", id, v).isEqualTo(theirs.getEciesSharedInfo1(v.wireValue()));
        }
    }
}
