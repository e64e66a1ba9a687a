package org.opentokens.powerauth.token.domain.internal.token;

import io.getlime.security.powerauth.crypto.client.token.ClientTokenGenerator;
import io.getlime.security.powerauth.crypto.server.token.ServerTokenGenerator;
import io.getlime.security.powerauth.crypto.server.token.ServerTokenVerifier;
import io.getlime.security.powerauth.http.PowerAuthTokenHttpHeader;
import io.getlime.security.powerauth.http.validator.InvalidPowerAuthHttpHeaderException;
import io.getlime.security.powerauth.http.validator.PowerAuthTokenHttpHeaderValidator;
import java.util.Base64;
import java.util.Optional;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Test-only wrappers around Wultra's token classes, the conformance oracle. */
final class WultraTokens {
    private static final ClientTokenGenerator CLIENT = new ClientTokenGenerator();
    private static final ServerTokenVerifier VERIFIER = new ServerTokenVerifier();
    private static final ServerTokenGenerator SERVER = new ServerTokenGenerator();

    static {
        WultraOracle.ensureProvider();
    }

    private WultraTokens() {
    }

    /** Wultra client digest, timestamp converted the way the server converts it. */
    static byte[] clientDigest(byte[] nonce, long timestampMs, String version, byte[] secret) {
        try {
            return CLIENT.computeTokenDigest(nonce, VERIFIER.convertTokenTimestamp(timestampMs), version, secret);
        } catch (Exception e) {
            throw new AssertionError("oracle failed", e);
        }
    }

    /** Wultra server digest check. */
    static boolean serverAccepts(byte[] nonce, long timestampMs, String version, byte[] secret, byte[] digest) {
        try {
            return VERIFIER.validateTokenDigest(nonce, VERIFIER.convertTokenTimestamp(timestampMs), version, secret,
                    digest);
        } catch (Exception e) {
            throw new AssertionError("oracle failed", e);
        }
    }

    static String newTokenId() {
        return SERVER.generateTokenId();
    }

    /** Header value as Wultra's Java builder renders it (version last). */
    static String buildHeader(String tokenId, byte[] digest, byte[] nonce, String timestamp, String version) {
        return new PowerAuthTokenHttpHeader(tokenId, b64(digest), b64(nonce), timestamp, version).buildHttpHeader();
    }

    /** The server's parse plus validation; empty if the validator rejects the value. */
    static Optional<PowerAuthTokenHttpHeader> parseAndValidate(String value) {
        PowerAuthTokenHttpHeader h = new PowerAuthTokenHttpHeader().fromValue(value);
        try {
            PowerAuthTokenHttpHeaderValidator.validate(h);
            return Optional.of(h);
        } catch (InvalidPowerAuthHttpHeaderException e) {
            return Optional.empty();
        }
    }

    /** Full server-side acceptance: parse, validate and digest check with the given secret. */
    static boolean serverAcceptsHeader(String value, byte[] secret) {
        Optional<PowerAuthTokenHttpHeader> parsed = parseAndValidate(value);
        if (parsed.isEmpty()) {
            return false;
        }
        PowerAuthTokenHttpHeader h = parsed.get();
        return serverAccepts(Base64.getDecoder().decode(h.getNonce()), Long.parseLong(h.getTimestamp()),
                h.getVersion(), secret, Base64.getDecoder().decode(h.getTokenDigest()));
    }

    static String b64(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }
}
