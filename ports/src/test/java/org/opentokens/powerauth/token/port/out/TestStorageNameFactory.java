package org.opentokens.powerauth.token.port.out;

import java.util.List;

/** Object mother for storage entry names and namespace ids: unusual valid ones and invalid ones. */
public final class TestStorageNameFactory {
    private TestStorageNameFactory() {
    }

    /**
     * Valid names that break naive adapters: non-ASCII, path and escape characters, SQL and LIKE
     * metacharacters, and pairs that collide under case folding, trimming, normalization or separator
     * concatenation. All are distinct Java strings, so a correct storage keeps them apart.
     *
     * @return the names
     */
    public static List<String> unusualNames() {
        return List.of(
                "přihlašovací-token-ěščřžýáíéůú",
                "token 🔑🚀 emoji",
                "令牌-トークン-토큰",
                "a/b", "a\\b", "a//b", "../a", "a%2Fb", "a/", "/a",
                "it's \"quoted\" `x`",
                "100%", "%", "_", "%_%", "*", "?",
                "'; DROP TABLE secret_store; --",
                "\" OR 1=1 --",
                "name", "Name", "NAME", "name ", " name",
                "caf\u00e9", "cafe\u0301",
                "tab\there", "line\nbreak",
                "|", "service|account", ":", "a:b",
                "\u00a0",
                "𝔘𝔫𝔦𝔠𝔬𝔡𝔢");
    }

    /** @return non-null names every storage must reject with a MalformedDataException */
    public static List<String> invalidNames() {
        return List.of(
                "", " ", "\t\n ",
                "a\u0000b",
                "unpaired \ud800 high", "unpaired \udc00 low", "ends high \ud83d",
                tooLongName());
    }

    /** @return a name of exactly {@link SecureStorage#MAX_NAME_UTF8_BYTES} UTF-8 bytes (85 three-byte chars) */
    public static String longestName() {
        return "€".repeat(SecureStorage.MAX_NAME_UTF8_BYTES / 3);
    }

    /** @return a name one UTF-8 byte over the limit */
    public static String tooLongName() {
        return longestName() + "x";
    }

    /** @return a namespace id of exactly {@link StorageNamespace#MAX_UTF8_BYTES} UTF-8 bytes (32 emoji) */
    public static String longestNamespaceId() {
        return "🔑".repeat(StorageNamespace.MAX_UTF8_BYTES / 4);
    }
}
