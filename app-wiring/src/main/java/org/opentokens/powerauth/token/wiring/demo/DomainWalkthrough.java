package org.opentokens.powerauth.token.wiring.demo;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.InvalidTokenHeaderException;
import org.opentokens.powerauth.token.domain.token.TokenHeader;
import org.opentokens.powerauth.token.domain.token.TokenHeaderVerifier;
import org.opentokens.powerauth.token.domain.token.TokenId;
import org.opentokens.powerauth.token.domain.token.TokenSecret;

/**
 * A walk through the token protocol with no server: the "server" here is the domain's own verifier, which
 * checks headers the way a PowerAuth server does. The full demo against the emulator replaces this once the
 * HTTP adapter and the testkit exist.
 */
public final class DomainWalkthrough {
    private final PrintStream out;
    private final Clock clock;
    private final SecureRandom random;

    DomainWalkthrough(PrintStream out, Clock clock, SecureRandom random) {
        this.out = out;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Runs the walk-through on standard output.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        int failures = new DomainWalkthrough(System.out, Clock.systemUTC(), new SecureRandom()).run();
        if (failures != 0) {
            System.exit(1);
        }
    }

    /** @return the number of steps whose outcome was not the expected one */
    int run() {
        int failures = 0;
        out.println("PowerAuth token walk-through (domain only, no network)");
        out.println();

        byte[] secretBytes = new byte[TokenSecret.LENGTH];
        random.nextBytes(secretBytes);
        TokenSecret secret = TokenSecret.of(secretBytes);
        java.util.Arrays.fill(secretBytes, (byte) 0);
        TokenId tokenId = TokenId.of(UUID.randomUUID().toString());
        out.println("1. The server issued a token: id " + tokenId.value() + ", and a 16-byte secret " + secret);
        out.println("   (secrets never print; you just saw the redacted form).");

        TokenHeaderVerifier verifier = new TokenHeaderVerifier();
        for (ProtocolVersion version : ProtocolVersion.values()) {
            TokenHeader header = newHeader(tokenId, secret, version, clock.millis());
            out.println();
            out.println("2. A fresh header for protocol " + version + ":");
            out.println("   " + TokenHeader.HEADER_NAME + ": " + abbreviate(header.value()));
            failures += expectAccepted(verifier, header.value(), tokenId, secret, clock.millis());
        }

        out.println();
        out.println("3. Every header has its own 16-byte nonce and the current time in milliseconds:");
        long now = clock.millis();
        TokenHeader first = newHeader(tokenId, secret, ProtocolVersion.DEFAULT, now);
        TokenHeader second = newHeader(tokenId, secret, ProtocolVersion.DEFAULT, now);
        boolean distinct = !first.value().equals(second.value());
        out.println("   two headers in the same millisecond differ: " + distinct);
        failures += distinct ? 0 : 1;

        out.println();
        out.println("4. What the server rejects:");
        String tampered = first.value().replace("version=\"3.3\"", "version=\"3.1\"");
        failures += expectRejected(verifier, "   a 3.3 header relabelled as 3.1 (downgrade)", tampered, tokenId, secret, now);
        TokenHeader stale = newHeader(tokenId, secret, ProtocolVersion.DEFAULT, now - 3 * 3_600_000L);
        failures += expectRejected(verifier, "   a header three hours old", stale.value(), tokenId, secret, now);
        byte[] otherBytes = new byte[TokenSecret.LENGTH];
        random.nextBytes(otherBytes);
        TokenSecret other = TokenSecret.of(otherBytes);
        TokenHeader forged = newHeader(tokenId, other, ProtocolVersion.DEFAULT, now);
        failures += expectRejected(verifier, "   a header made with the wrong secret", forged.value(), tokenId, secret, now);
        failures += expectRejected(verifier, "   garbage", "PowerAuth token_id=\"nope\"", tokenId, secret, now);

        out.println();
        out.println(failures == 0 ? "All steps behaved as expected." : failures + " step(s) did not behave as expected.");
        return failures;
    }

    private TokenHeader newHeader(TokenId id, TokenSecret secret, ProtocolVersion version, long timestampMs) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return TokenHeader.generate(id, secret, version, nonce, timestampMs);
    }

    private int expectAccepted(TokenHeaderVerifier verifier, String value, TokenId id, TokenSecret secret, long now) {
        try {
            verifier.verify(TokenHeader.parse(value), id, secret, now);
            out.println("   server check: accepted");
            return 0;
        } catch (InvalidTokenHeaderException e) {
            out.println("   server check: REJECTED (" + e.reason() + ") - unexpected");
            return 1;
        }
    }

    private int expectRejected(TokenHeaderVerifier verifier, String label, String value, TokenId id, TokenSecret secret,
            long now) {
        try {
            verifier.verify(TokenHeader.parse(value), id, secret, now);
            out.println(label + ": accepted - unexpected");
            return 1;
        } catch (InvalidTokenHeaderException e) {
            out.println(label + ": rejected, " + e.reason());
            return 0;
        }
    }

    /** Shows the shape of a header without printing a complete, usable value. */
    private static String abbreviate(String headerValue) {
        return headerValue.replaceAll("token_digest=\"([^\"]{6})[^\"]*\"", "token_digest=\"$1…\"");
    }
}
