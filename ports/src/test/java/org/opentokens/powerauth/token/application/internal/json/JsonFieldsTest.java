package org.opentokens.powerauth.token.application.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.port.out.FakeJsonCodec;

class JsonFieldsTest {
    private static JsonFields parse(String json) {
        return JsonFields.parse(new FakeJsonCodec(), json.getBytes(StandardCharsets.UTF_8), "payload");
    }

    @Test
    void readsTypedFieldsAndNestedObjects() {
        JsonFields fields = parse("{\"s\":\"v\",\"n\":42,\"o\":{\"inner\":\"x\"},\"z\":null}");
        assertThat(fields.string("s")).isEqualTo("v");
        assertThat(fields.longValue("n")).isEqualTo(42L);
        assertThat(fields.object("o").string("inner")).isEqualTo("x");
        assertThat(fields.optionalString("z")).isNull();
        assertThat(fields.optionalString("missing")).isNull();
    }

    @Test
    void missingOrMistypedFieldsAreInvalidResponsesNamingOnlyTheField() {
        JsonFields fields = parse("{\"s\":\"top-secret-value\",\"n\":1.5}");
        assertThatThrownBy(() -> fields.longValue("s")).isInstanceOf(InvalidServerResponseException.class)
                .hasMessageContaining("'s'").hasMessageNotContaining("top-secret-value");
        assertThatThrownBy(() -> fields.longValue("n")).isInstanceOf(InvalidServerResponseException.class);
        assertThatThrownBy(() -> fields.string("absent")).isInstanceOf(InvalidServerResponseException.class);
        assertThatThrownBy(() -> fields.object("s")).isInstanceOf(InvalidServerResponseException.class);
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(InvalidServerResponseException.class);
        assertThatThrownBy(() -> parse("{not json")).isInstanceOf(InvalidServerResponseException.class);
    }

    @Test
    void theConfigurationValidatesAndRedacts() {
        String key = "AAECAwQFBgcICQoLDA0ODw==";
        String secret = "EBESExQVFhcYGRobHB0eHw==";
        String master = java.util.Base64.getEncoder().encodeToString(org.opentokens.powerauth.token.domain.internal.crypto.P256
                .generateKeyPair(new java.security.SecureRandom()).publicKey().compressed());
        PowerAuthConfiguration config = PowerAuthConfiguration.builder(key, secret, master).instanceId("i1").build();
        assertThat(config.toString()).doesNotContain(secret).contains("i1");
        assertThat(config.namespace().id()).isEqualTo("i1");
        assertThatThrownBy(() -> PowerAuthConfiguration.builder("short", secret, master).build())
                .isInstanceOf(MalformedDataException.class);
    }
}
