package org.opentokens.powerauth.token.domain.internal.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureFormat;
import io.getlime.security.powerauth.crypto.lib.enums.PowerAuthSignatureTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** Oracle: PowerAuthSignatureTypes and PowerAuthSignatureFormat.getFormatForSignatureVersion. */
class SignatureTypesAndFormatTest {
    @ParameterizedTest
    @EnumSource(PowerAuthSignatureType.class)
    void wireValueMatchesWultraAndRoundTrips(PowerAuthSignatureType type) {
        PowerAuthSignatureTypes theirs = PowerAuthSignatureTypes.getEnumFromString(type.wireValue());
        assertThat(theirs).isNotNull();
        assertThat(theirs.name()).isEqualTo(type.name());
        assertThat(type.wireValue()).isEqualTo(theirs.toString());
        assertThat(PowerAuthSignatureType.fromWireValue(type.wireValue())).isSameAs(type);
        assertThat(PowerAuthSignatureType.fromWireValue(type.wireValue().toUpperCase())).isSameAs(type);
        assertThat(type.factorCount()).isEqualTo(type.wireValue().split("_").length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "possession-knowledge", "possession_knowledge_", "biometry_possession", "none",
        "possession knowledge"})
    void rejectsUnknownSignatureTypeWithTypedError(String value) {
        assertThatThrownBy(() -> PowerAuthSignatureType.fromWireValue(value))
                .isInstanceOf(MalformedDataException.class);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void formatForVersionMatchesWultra(ProtocolVersion version) throws Exception {
        assertThat(SignatureFormat.forVersion(version).name())
                .isEqualTo(PowerAuthSignatureFormat.getFormatForSignatureVersion(version.wireValue()).name());
    }
}
