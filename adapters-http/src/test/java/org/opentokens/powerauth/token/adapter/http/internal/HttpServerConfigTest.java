package org.opentokens.powerauth.token.adapter.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Defaults, validation and redaction of {@link HttpServerConfig}. */
class HttpServerConfigTest {

    @Test
    void hasTheDocumentedDefaults() {
        HttpServerConfig config = HttpServerConfig.builder().baseUri("https://pa.example.com/enrollment").build();

        assertThat(config.baseUri()).isEqualTo(URI.create("https://pa.example.com/enrollment"));
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.maxResponseBytes()).isEqualTo(1024 * 1024);
        assertThat(config.extraHeaders()).isEmpty();
        assertThat(config.httpClient()).isEmpty();
        assertThat(config.sslContext()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://pa.example.com/enrollment/", "https://pa.example.com/enrollment//"})
    void dropsTrailingSlashes(String uri) {
        assertThat(HttpServerConfig.builder().baseUri(uri).build().baseUri())
                .isEqualTo(URI.create("https://pa.example.com/enrollment"));
    }

    @Test
    void keepsABareHost() {
        assertThat(HttpServerConfig.builder().baseUri("http://127.0.0.1:8080/").build().baseUri())
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "ftp://pa.example.com", "pa.example.com/enrollment", "/enrollment", "mailto:a@b.c",
        "https://user:password@pa.example.com", "https://pa.example.com/x?debug=1", "https://pa.example.com/x#f",
        "https:///nohost", "http://bad host/"
    })
    void refusesBaseUrisItCannotUse(String uri) {
        assertThatThrownBy(() -> HttpServerConfig.builder().baseUri(uri)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("password");
    }

    @Test
    void aMalformedUrlIsExplainedWithoutRepeatingIt() {
        assertThatThrownBy(() -> HttpServerConfig.builder().baseUri("https://bank example/secret-path"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the server URL (baseUri) is not a valid URL: ")
                .hasMessageContaining("illegal character in authority at character 9")
                .hasMessageNotContaining("secret-path");
    }

    @Test
    void requiresABaseUri() {
        assertThatThrownBy(() -> HttpServerConfig.builder().build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("baseUri");
    }

    @Test
    void refusesTimeoutsThatAreNotPositive() {
        HttpServerConfig.Builder b = HttpServerConfig.builder();

        assertThatThrownBy(() -> b.connectTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.requestTimeout(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.maxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.connectTimeout(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void keepsExtraHeadersInOrderAndUnmodifiable() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Tenant", "acme");
        headers.put("Authorization", "Bearer abc");
        HttpServerConfig config = HttpServerConfig.builder().baseUri("http://127.0.0.1")
                .extraHeaders(headers).extraHeader("User-Agent", "app/1.0").build();

        assertThat(config.extraHeaders().keySet()).containsExactly("X-Tenant", "Authorization", "User-Agent");
        assertThatThrownBy(() -> config.extraHeaders().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Content-Type", "content-type", "Accept", "X-PowerAuth-Authorization", "x-powerauth-encryption",
        "X-PowerAuth-Token", "X-PowerAuth-Anything", "Host", "Content-Length", "Connection", "Expect", "Upgrade",
        "Transfer-Encoding"
    })
    void refusesHeadersTheAdapterOwns(String name) {
        assertThatThrownBy(() -> HttpServerConfig.builder().extraHeader(name, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be overridden");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "Bad Name", "Bad:Name", "Bad\nName", "Ünïcode", "(x)"})
    void refusesInvalidHeaderNames(String name) {
        assertThatThrownBy(() -> HttpServerConfig.builder().extraHeader(name, "v"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"line\r\nInjected: yes", "nl\n", "nul\u0000", "ünïcode"})
    void refusesHeaderValuesWithoutEchoingThem(String value) {
        assertThatThrownBy(() -> HttpServerConfig.builder().extraHeader("X-Api-Key", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X-Api-Key")
                .hasMessageNotContaining(value.substring(0, 2));
    }

    @Test
    void refusesTheSameHeaderTwiceIgnoringCase() {
        HttpServerConfig.Builder b = HttpServerConfig.builder().extraHeader("X-Tenant", "a");

        assertThatThrownBy(() -> b.extraHeader("x-tenant", "b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesBothAClientAndATlsContext() throws NoSuchAlgorithmException {
        HttpServerConfig.Builder b = HttpServerConfig.builder().baseUri("https://pa.example.com")
                .httpClient(HttpClient.newHttpClient()).sslContext(SSLContext.getDefault());

        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("either");
    }

    @Test
    void toStringShowsHeaderNamesButNeverValues() {
        HttpServerConfig config = HttpServerConfig.builder().baseUri("https://pa.example.com")
                .extraHeader("X-Api-Key", "s3cr3t-api-key").build();

        assertThat(config.toString()).contains("X-Api-Key", "https://pa.example.com").doesNotContain("s3cr3t");
    }
}
