package org.opentokens.powerauth.token.domain.internal.ecies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.encryptor.ServerEncryptor;
import java.security.SecureRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.opentokens.powerauth.token.domain.EciesEncryptedRequest;
import org.opentokens.powerauth.token.domain.EciesEncryptedResponse;
import org.opentokens.powerauth.token.domain.ProtocolVersion;
import org.opentokens.powerauth.token.domain.error.CryptoFailureException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.internal.crypto.B64;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Tampered, malformed or replayed ECIES responses are rejected with typed errors, never decrypted. */
class EciesEncryptorTamperingTest {
    private static final int ROUNDS = 25;

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    /** A fresh exchange: our encryptor after sending a request, and Wultra's genuine response to it. */
    private record Exchange(EciesEncryptor ours, EciesEncryptedResponse response, String plainB64) {
    }

    private static Exchange exchange(ProtocolVersion version, SecureRandom random, int round) throws Exception {
        EciesEncryptorId id = EciesEncryptorId.values()[round % EciesEncryptorId.values().length];
        EciesFixture f = new EciesFixture(version, id, random);
        EciesEncryptor ours = f.ourEncryptor(round % 2 == 0 ? EphemeralKeyEncoding.COMPRESSED : EphemeralKeyEncoding.UNCOMPRESSED);
        EciesEncryptedRequest rq = ours.encryptRequest(EciesFixture.plaintext(random, round), random, 1_700_000_000_000L);
        ServerEncryptor server = f.theirServer();
        server.decryptRequest(EciesFixture.toTheirs(rq));
        byte[] plain = EciesFixture.plaintext(random, round + 2);
        return new Exchange(ours, EciesFixture.toOurs(server.encryptResponse(plain)), B64.encode(plain));
    }

    private static String flipBit(String b64, SecureRandom random) {
        byte[] raw = B64.decode(b64, "x");
        int bit = random.nextInt(raw.length * 8);
        raw[bit / 8] ^= (byte) (1 << (bit % 8));
        return B64.encode(raw);
    }

    static Stream<ProtocolVersion> timestampVersions() {
        return Stream.of(ProtocolVersion.V3_2, ProtocolVersion.V3_3);
    }

    static Stream<ProtocolVersion> noResponseNonceVersions() {
        return Stream.of(ProtocolVersion.V3_0, ProtocolVersion.V3_1);
    }

    private static void assertMacMismatch(ProtocolVersion v, long seed, UnaryOperator<EciesEncryptedResponse> tamper,
                                          SecureRandom random) throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Exchange x = exchange(v, random, round);
            EciesEncryptedResponse bad = tamper.apply(x.response());
            assertThatThrownBy(() -> x.ours().decryptResponse(bad))
                    .as("seed %d round %d", seed, round)
                    .isInstanceOfSatisfying(CryptoFailureException.class,
                            e -> assertThat(e.reason()).isEqualTo(CryptoFailureException.Reason.MAC_MISMATCH))
                    .hasMessageNotContaining(bad.mac())
                    .hasMessageNotContaining(x.response().mac());
        }
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void rejectsResponseWithFlippedMacBit(ProtocolVersion v) throws Exception {
        SecureRandom random = WultraKeys.seeded(10 + v.ordinal());
        assertMacMismatch(v, 10, r -> new EciesEncryptedResponse(r.encryptedData(), flipBit(r.mac(), random),
                r.nonce(), r.timestamp()), random);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void rejectsResponseWithFlippedCiphertextBit(ProtocolVersion v) throws Exception {
        SecureRandom random = WultraKeys.seeded(20 + v.ordinal());
        assertMacMismatch(v, 20, r -> new EciesEncryptedResponse(flipBit(r.encryptedData(), random), r.mac(),
                r.nonce(), r.timestamp()), random);
    }

    @ParameterizedTest
    @MethodSource("timestampVersions")
    void rejectsResponseWithAnotherNonce(ProtocolVersion v) throws Exception {
        SecureRandom random = WultraKeys.seeded(30 + v.ordinal());
        assertMacMismatch(v, 30, r -> new EciesEncryptedResponse(r.encryptedData(), r.mac(),
                B64.encode(EciesFixture.bytes(random, 16)), r.timestamp()), random);
    }

    @ParameterizedTest
    @MethodSource("timestampVersions")
    void rejectsResponseWithAnotherTimestamp(ProtocolVersion v) throws Exception {
        SecureRandom random = WultraKeys.seeded(40 + v.ordinal());
        assertMacMismatch(v, 40, r -> new EciesEncryptedResponse(r.encryptedData(), r.mac(), r.nonce(),
                r.timestamp() + 1 + random.nextInt(100_000)), random);
    }

    @ParameterizedTest
    @MethodSource("timestampVersions")
    void rejectsResponseWithoutTimestampOrNonceFromVersion32(ProtocolVersion v) throws Exception {
        SecureRandom random = WultraKeys.seeded(50 + v.ordinal());
        Exchange a = exchange(v, random, 0);
        EciesEncryptedResponse r = a.response();
        assertThatThrownBy(() -> a.ours().decryptResponse(
                new EciesEncryptedResponse(r.encryptedData(), r.mac(), r.nonce(), null)))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("timestamp");
        Exchange b = exchange(v, random, 1);
        EciesEncryptedResponse s = b.response();
        assertThatThrownBy(() -> b.ours().decryptResponse(
                new EciesEncryptedResponse(s.encryptedData(), s.mac(), null, s.timestamp())))
                .isInstanceOf(MalformedDataException.class).hasMessageContaining("nonce");
    }

    @ParameterizedTest
    @MethodSource("noResponseNonceVersions")
    void rejectsResponseWithExtraNonceOrTimestampBeforeVersion32(ProtocolVersion v) throws Exception {
        SecureRandom random = WultraKeys.seeded(60 + v.ordinal());
        Exchange a = exchange(v, random, 0);
        EciesEncryptedResponse r = a.response();
        assertThat(r.nonce()).isNull();
        assertThatThrownBy(() -> a.ours().decryptResponse(new EciesEncryptedResponse(r.encryptedData(), r.mac(),
                B64.encode(EciesFixture.bytes(random, 16)), null)))
                .isInstanceOf(MalformedDataException.class);
        Exchange b = exchange(v, random, 1);
        EciesEncryptedResponse s = b.response();
        assertThatThrownBy(() -> b.ours().decryptResponse(new EciesEncryptedResponse(s.encryptedData(), s.mac(),
                null, 1_700_000_000_000L)))
                .isInstanceOf(MalformedDataException.class);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void rejectsMalformedMacAndCiphertext(ProtocolVersion v) throws Exception {
        SecureRandom random = WultraKeys.seeded(70 + v.ordinal());
        Exchange a = exchange(v, random, 0);
        EciesEncryptedResponse r = a.response();
        assertThatThrownBy(() -> a.ours().decryptResponse(
                new EciesEncryptedResponse(r.encryptedData(), "not*base64", r.nonce(), r.timestamp())))
                .isInstanceOf(MalformedDataException.class);
        Exchange b = exchange(v, random, 1);
        EciesEncryptedResponse s = b.response();
        assertThatThrownBy(() -> b.ours().decryptResponse(new EciesEncryptedResponse(s.encryptedData(),
                B64.encode(EciesFixture.bytes(random, 31)), s.nonce(), s.timestamp())))
                .isInstanceOf(MalformedDataException.class);
        Exchange c = exchange(v, random, 2);
        EciesEncryptedResponse t = c.response();
        assertThatThrownBy(() -> c.ours().decryptResponse(new EciesEncryptedResponse(
                B64.encode(EciesFixture.bytes(random, 17)), t.mac(), t.nonce(), t.timestamp())))
                .isInstanceOf(MalformedDataException.class);
        Exchange d = exchange(v, random, 3);
        EciesEncryptedResponse u = d.response();
        assertThatThrownBy(() -> d.ours().decryptResponse(new EciesEncryptedResponse(null, u.mac(), u.nonce(),
                u.timestamp())))
                .isInstanceOf(MalformedDataException.class);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void decryptsAResponseOnlyOnce(ProtocolVersion v) throws Exception {
        SecureRandom random = WultraKeys.seeded(80 + v.ordinal());
        Exchange x = exchange(v, random, 0);
        assertThat(B64.encode(x.ours().decryptResponse(x.response()))).isEqualTo(x.plainB64());
        assertThatThrownBy(() -> x.ours().decryptResponse(x.response())).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void aFailedResponseConsumesTheEncryptor(ProtocolVersion v) throws Exception {
        SecureRandom random = WultraKeys.seeded(90 + v.ordinal());
        Exchange x = exchange(v, random, 0);
        EciesEncryptedResponse r = x.response();
        assertThatThrownBy(() -> x.ours().decryptResponse(new EciesEncryptedResponse(r.encryptedData(),
                flipBit(r.mac(), random), r.nonce(), r.timestamp()))).isInstanceOf(CryptoFailureException.class);
        assertThatThrownBy(() -> x.ours().decryptResponse(r)).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(ProtocolVersion.class)
    void encryptsOneRequestOnlyAndNeedsItBeforeAResponse(ProtocolVersion v) {
        SecureRandom random = WultraKeys.seeded(100 + v.ordinal());
        EciesFixture f = new EciesFixture(v, EciesEncryptorId.CREATE_TOKEN, random);
        EciesEncryptor fresh = f.ourEncryptor(EphemeralKeyEncoding.COMPRESSED);
        assertThatThrownBy(() -> fresh.decryptResponse(new EciesEncryptedResponse("AAAA", "AAAA", null, null)))
                .isInstanceOf(IllegalStateException.class);
        EciesEncryptor used = f.ourEncryptor(EphemeralKeyEncoding.COMPRESSED);
        used.encryptRequest(new byte[0], random, 1L);
        assertThatThrownBy(() -> used.encryptRequest(new byte[0], random, 1L)).isInstanceOf(IllegalStateException.class);
    }
}
