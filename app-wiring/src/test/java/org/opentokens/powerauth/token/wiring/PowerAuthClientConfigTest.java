package org.opentokens.powerauth.token.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.adapter.http.internal.HttpServerConfig;
import org.opentokens.powerauth.token.application.internal.PowerAuthConfiguration;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

class PowerAuthClientConfigTest {

    @Test
    void defaultsToProtocol33TheDefaultInstanceAndTheAdaptersTimeouts() {
        PowerAuthClientConfig config = TestConfigs.builder().build();

        assertThat(config.protocolVersion()).isEqualTo(ProtocolVersion.V3_3);
        assertThat(config.instanceId()).isEqualTo(PowerAuthConfiguration.DEFAULT_INSTANCE_ID);
        assertThat(config.baseUri()).isEqualTo(URI.create("http://127.0.0.1:9/enrollment"));
        HttpServerConfig http = config.httpServerConfig();
        assertThat(http.connectTimeout()).isEqualTo(HttpServerConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(http.requestTimeout()).isEqualTo(HttpServerConfig.DEFAULT_REQUEST_TIMEOUT);
        assertThat(http.maxResponseBytes()).isEqualTo(HttpServerConfig.DEFAULT_MAX_RESPONSE_BYTES);
        assertThat(http.extraHeaders()).isEmpty();
        assertThat(config.powerAuthConfiguration().knowledgeKeyIterations()).isEqualTo(10_000);
    }

    @Test
    void passesEverySettingToTheProtocolAndHttpConfigurations() {
        PowerAuthClientConfig config = TestConfigs.builder()
                .instanceId("work")
                .protocolVersion(ProtocolVersion.V3_1)
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(3))
                .extraHeader("X-Tenant", "acme")
                .maxResponseBytes(4096)
                .temporaryKeySafetyMargin(Duration.ofSeconds(30))
                .knowledgeKeyIterations(7)
                .build();

        PowerAuthConfiguration powerAuth = config.powerAuthConfiguration();
        assertThat(powerAuth.instanceId()).isEqualTo("work");
        assertThat(powerAuth.protocolVersion()).isEqualTo(ProtocolVersion.V3_1);
        assertThat(powerAuth.applicationKey()).isEqualTo(TestConfigs.APP_KEY);
        assertThat(powerAuth.applicationSecret()).isEqualTo(TestConfigs.APP_SECRET);
        assertThat(powerAuth.temporaryKeySafetyMargin()).isEqualTo(Duration.ofSeconds(30));
        assertThat(powerAuth.knowledgeKeyIterations()).isEqualTo(7);
        HttpServerConfig http = config.httpServerConfig();
        assertThat(http.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(http.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(http.extraHeaders()).containsExactly(java.util.Map.entry("X-Tenant", "acme"));
        assertThat(http.maxResponseBytes()).isEqualTo(4096);
    }

    @Test
    void toStringShowsNeitherTheApplicationSecretNorHeaderValues() {
        PowerAuthClientConfig config = TestConfigs.builder()
                .extraHeader("Authorization", "Bearer very-secret-gateway-token")
                .build();

        assertThat(config.toString())
                .contains(TestConfigs.APP_KEY, "default", "Authorization", "3.3")
                .doesNotContain(TestConfigs.APP_SECRET, "very-secret-gateway-token");
    }

    @Test
    void rejectsMalformedCredentialsAndSettingsWhereTheyAreWritten() {
        assertThatThrownBy(() -> PowerAuthClientConfig.builder(TestConfigs.BASE_URI, "not base64!",
                TestConfigs.APP_SECRET, TestConfigs.MASTER_PUBLIC_KEY).build())
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> PowerAuthClientConfig.builder(TestConfigs.BASE_URI, TestConfigs.APP_KEY,
                TestConfigs.APP_SECRET, "AAAA"))
                .isInstanceOf(MalformedDataException.class);
        assertThatThrownBy(() -> PowerAuthClientConfig.builder("ftp://127.0.0.1", TestConfigs.APP_KEY,
                TestConfigs.APP_SECRET, TestConfigs.MASTER_PUBLIC_KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PowerAuthClientConfig.builder("http://[bad", TestConfigs.APP_KEY,
                TestConfigs.APP_SECRET, TestConfigs.MASTER_PUBLIC_KEY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestConfigs.builder().instanceId(" ").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestConfigs.builder().instanceId("a\u001b[2Jb"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("U+001B");
        assertThatThrownBy(() -> TestConfigs.builder().extraHeader("X-PowerAuth-Token", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestConfigs.builder().requestTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestConfigs.builder().knowledgeKeyIterations(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMalformedKeyErrorDoesNotEchoTheSecret() {
        String almostSecret = TestConfigs.APP_SECRET.substring(0, 20) + "!!";
        assertThatThrownBy(() -> PowerAuthClientConfig.builder(TestConfigs.BASE_URI, TestConfigs.APP_KEY,
                almostSecret, TestConfigs.MASTER_PUBLIC_KEY).build())
                .isInstanceOf(MalformedDataException.class)
                .extracting(Throwable::getMessage).asString().doesNotContain(almostSecret);
    }
}
