package org.opentokens.powerauth.token.wiring.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner finds a planted secret in every spelling, in text and in binary, and nothing else. */
class SecretScannerTest {
    private static final byte[] KEY = HexFormat.of().parseHex("fbfffe10203040506070808a9bacbdce");

    @Test
    void findsSecretBytesInEverySpellingItKnows() {
        SecretScanner scanner = scanner(Map.of("key", SecretForms.ofBytes(KEY)));
        String log = "a=" + Base64.getEncoder().encodeToString(KEY) + " b=" + HexFormat.of().formatHex(KEY)
                + " c=" + HexFormat.of().withUpperCase().formatHex(KEY) + " d="
                + Base64.getUrlEncoder().withoutPadding().encodeToString(KEY) + " e=" + raw(KEY);

        List<SecretScanner.Hit> hits = scanner.scan("log", log);

        assertThat(hits).extracting(SecretScanner.Hit::kind)
                .containsExactlyInAnyOrder("base64", "hex", "HEX", "base64url", "raw");
        assertThat(hits).allSatisfy(hit -> assertThat(hit.label()).isEqualTo("key"));
    }

    @Test
    void findsASecretTextInsideBinaryDataAtAnyOffset() {
        SecretScanner scanner = scanner(Map.of("password", SecretForms.ofText("correct-horse-battery")));
        byte[] file = new byte[4096];
        byte[] planted = "correct-horse-battery".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(planted, 0, file, 4096 - planted.length, planted.length);

        assertThat(scanner.scan("db", file)).extracting(SecretScanner.Hit::offset)
                .containsExactly((long) (4096 - planted.length));
        assertThat(scanner.scan("db", new byte[4096])).isEmpty();
    }

    @Test
    void findsASecretAcrossTheChunkBoundaryOfALargeFileExactlyOnce(@TempDir Path dir) throws IOException {
        SecretScanner scanner = scanner(Map.of("key", SecretForms.ofBytes(KEY)));
        String hex = HexFormat.of().formatHex(KEY);
        byte[] file = new byte[9 << 20];
        Arrays.fill(file, (byte) '.');
        int at = (8 << 20) - hex.length() / 2;
        System.arraycopy(hex.getBytes(StandardCharsets.US_ASCII), 0, file, at, hex.length());
        Path log = Files.write(dir.resolve("big.log"), file);

        assertThat(scanner.scan("big", log)).extracting(SecretScanner.Hit::offset).containsExactly((long) at);
    }

    @Test
    void dropsSpellingsTooShortToMeanAnything() {
        assertThat(SecretForms.ofText("1234")).doesNotContainKey("1234").containsKey("31323334");
        assertThat(SecretForms.ofBytes(new byte[] {1, 2})).isEmpty();
    }

    private static SecretScanner scanner(Map<String, Map<String, String>> secrets) {
        Map<String, String[]> forms = new HashMap<>();
        secrets.forEach((label, spellings) -> spellings.forEach((form, kind) -> forms.put(form,
                new String[] {label, kind})));
        return new SecretScanner(forms);
    }

    private static String raw(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
