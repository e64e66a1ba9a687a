package org.opentokens.powerauth.token.domain.internal.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.getlime.security.powerauth.crypto.lib.generator.IdentifierGenerator;
import io.getlime.security.powerauth.crypto.lib.util.CRC16;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.crypto.server.activation.PowerAuthServerActivation;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException.Reason;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.internal.crypto.EcPublicKey;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors.Vector;
import org.opentokens.powerauth.token.domain.testsupport.TestVectors;
import org.opentokens.powerauth.token.domain.testsupport.WultraOracle;

/** Activation code parsing and QR signature checks, against Wultra's generator and the published vectors. */
class ActivationCodeTest {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final PowerAuthServerActivation SERVER = new PowerAuthServerActivation();
    private static final KeyConvertor CONVERTOR = new KeyConvertor();

    @BeforeAll
    static void provider() {
        WultraOracle.ensureProvider();
    }

    static Stream<Vector> signatureVectors() {
        return TestVectors.load("verify-activation-data-signature-v3.json").stream();
    }

    @ParameterizedTest
    @MethodSource("signatureVectors")
    void acceptsEveryPublishedSignedActivationCode(Vector v) {
        EcPublicKey master = EcPublicKey.fromBase64(v.in("masterPublicKey"));
        String payload = v.in("activationCode") + "#" + v.out("activationSignature");

        ActivationCode code = ActivationCode.parseWithSignature(payload, master);

        assertThat(code.code()).isEqualTo(v.in("activationCode"));
        assertThat(code.signature()).contains(v.out("activationSignature"));
        assertThat(ActivationCode.parse(v.in("activationCode"))).isEqualTo(code);
    }

    @ParameterizedTest
    @MethodSource("signatureVectors")
    void rejectsPublishedSignatureUnderAnotherMasterKey(Vector v) {
        List<Vector> all = TestVectors.load("verify-activation-data-signature-v3.json");
        Vector other = all.get((v.index() + 1) % all.size());
        EcPublicKey wrongMaster = EcPublicKey.fromBase64(other.in("masterPublicKey"));
        String payload = v.in("activationCode") + "#" + v.out("activationSignature");

        assertThatThrownBy(() -> ActivationCode.parseWithSignature(payload, wrongMaster))
                .isInstanceOfSatisfying(InvalidActivationCodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
    }

    @Test
    void parsesEveryCodeWultraGenerates() throws Exception {
        for (int i = 0; i < 500; i++) {
            String generated = SERVER.generateActivationCode();
            assertThat(ActivationCode.parse(generated).code()).isEqualTo(generated);
            assertThat(ActivationCode.isValid(generated)).isTrue();
        }
    }

    @Test
    void checksumEqualsWultraCrc16OverRandomData() {
        Random random = new Random(16);
        for (int i = 0; i < 500; i++) {
            byte[] data = new byte[random.nextInt(40)];
            random.nextBytes(data);
            CRC16 theirs = new CRC16();
            theirs.update(data, 0, data.length);
            assertThat(Crc16.arc(data, 0, data.length)).isEqualTo((int) theirs.getValue());
        }
    }

    @Test
    void rejectsEverySingleCharacterChangeAndAgreesWithWultraValidator() throws Exception {
        Random random = new Random(2024);
        IdentifierGenerator generator = new IdentifierGenerator();
        int checked = 0;
        for (int i = 0; i < 200; i++) {
            byte[] seed = new byte[10];
            random.nextBytes(seed);
            String code = generator.generateActivationCode(seed);
            assertThat(ActivationCode.isValid(code)).isTrue();
            for (int pos = 0; pos < code.length(); pos++) {
                if (code.charAt(pos) == '-') {
                    continue;
                }
                for (char c : ALPHABET.toCharArray()) {
                    if (c == code.charAt(pos)) {
                        continue;
                    }
                    String mutated = code.substring(0, pos) + c + code.substring(pos + 1);
                    boolean last = pos == code.length() - 1;
                    boolean nonCanonical = last && (ALPHABET.indexOf(c) & 0xF) != 0;
                    boolean onlyPaddingBits = last
                            && (ALPHABET.indexOf(c) >> 4) == (ALPHABET.indexOf(code.charAt(pos)) >> 4);
                    assertThat(ActivationCode.isValid(mutated)).as(mutated).isFalse();
                    assertThatThrownBy(() -> ActivationCode.parse(mutated))
                            .isInstanceOfSatisfying(InvalidActivationCodeException.class, e -> assertThat(e.reason())
                                    .isEqualTo(nonCanonical ? Reason.FORMAT : Reason.CHECKSUM));
                    // Wultra decodes leniently, so it accepts exactly the changes that touch only padding bits.
                    assertThat(generator.validateActivationCode(mutated)).as(mutated).isEqualTo(onlyPaddingBits);
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(200 * 20 * 31);
    }

    @Test
    void verifiesSignaturesWultraGeneratesForRandomCodesAndKeys() throws Exception {
        for (int i = 0; i < 200; i++) {
            KeyPair master = SERVER.generateServerKeyPair();
            EcPublicKey masterPublic = EcPublicKey.fromBytes(CONVERTOR.convertPublicKeyToBytes(master.getPublic()));
            String code = SERVER.generateActivationCode();
            String signature = Base64.getEncoder()
                    .encodeToString(SERVER.generateActivationSignature(code, master.getPrivate()));

            ActivationCode parsed = ActivationCode.parseWithSignature(code + "#" + signature, masterPublic);
            assertThat(parsed.code()).isEqualTo(code);

            String otherCode = SERVER.generateActivationCode();
            assertThatThrownBy(() -> ActivationCode.parseWithSignature(otherCode + "#" + signature, masterPublic))
                    .isInstanceOfSatisfying(InvalidActivationCodeException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.SIGNATURE));
        }
    }

    @Test
    void acceptsTheDocumentedExampleCode() {
        assertThat(ActivationCode.parse("MMMMM-MMMMM-MMMMM-MUTOA").code()).isEqualTo("MMMMM-MMMMM-MMMMM-MUTOA");
    }

    @Test
    void plainParseToleratesAnEmptySignaturePart() throws Exception {
        String code = SERVER.generateActivationCode();
        assertThat(ActivationCode.parse(code + "#").code()).isEqualTo(code);
        assertThat(ActivationCode.parse(code + "#").signature()).isEmpty();
    }

    @Test
    void plainParseRefusesAnUnverifiedSignature() throws Exception {
        String code = SERVER.generateActivationCode();
        assertThatThrownBy(() -> ActivationCode.parse(code + "#MEUCIQ=="))
                .isInstanceOfSatisfying(InvalidActivationCodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORMAT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MMMMM-MMMMM-MMMMM-MUTO", "MMMMM-MMMMM-MMMMM-MUTOAA", "MMMMMMMMMMMMMMMMMMMMMUT",
            "MMMMM_MMMMM-MMMMM-MUTOA", "mmmmm-mmmmm-mmmmm-mutoa", "MMMMM-MMMMM-MMMMM-MUTO0",
            "MMMMM-MMMMM-MMMMM-MUTO1", "MMMMM-MMMMM-MMMMM-MUTO8", "MMMMM-MMMMM-MMMMM-MUTO=", " MMMMM-MMMMM-MMMMM-MUTOA",
            "MMMMM-MMMMM-MMMMM-MUTÖA"})
    void rejectsBadFormat(String text) {
        assertThatThrownBy(() -> ActivationCode.parse(text))
                .isInstanceOfSatisfying(InvalidActivationCodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.FORMAT));
        assertThat(ActivationCode.isValid(text)).isFalse();
    }

    @Test
    void rejectsBadChecksum() {
        assertThatThrownBy(() -> ActivationCode.parse("MMMMM-MMMMM-MMMMM-MUTOQ"))
                .isInstanceOfSatisfying(InvalidActivationCodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CHECKSUM));
    }

    @Test
    void rejectsMissingEmptyOrMalformedSignatures() throws Exception {
        KeyPair master = SERVER.generateServerKeyPair();
        EcPublicKey masterPublic = EcPublicKey.fromBytes(CONVERTOR.convertPublicKeyToBytes(master.getPublic()));
        String code = SERVER.generateActivationCode();
        byte[] der = SERVER.generateActivationSignature(code, master.getPrivate());
        byte[] tampered = der.clone();
        tampered[tampered.length - 1] ^= 1;
        List<String> payloads = new ArrayList<>(List.of(code, code + "#", code + "#not base64!",
                code + "#" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}),
                code + "#" + Base64.getEncoder().encodeToString(tampered)));
        for (String payload : payloads) {
            assertThatThrownBy(() -> ActivationCode.parseWithSignature(payload, masterPublic))
                    .as(payload)
                    .isInstanceOfSatisfying(InvalidActivationCodeException.class, e -> {
                        assertThat(e.reason()).isEqualTo(Reason.SIGNATURE);
                        assertThat(e.getMessage()).doesNotContain(code);
                    });
        }
    }

    @Test
    void signedPayloadWithBadCodeFailsOnTheCodeFirst() throws Exception {
        KeyPair master = SERVER.generateServerKeyPair();
        EcPublicKey masterPublic = EcPublicKey.fromBytes(CONVERTOR.convertPublicKeyToBytes(master.getPublic()));
        assertThatThrownBy(() -> ActivationCode.parseWithSignature("MMMMM-MMMMM-MMMMM-MUTOQ#AAAA", masterPublic))
                .isInstanceOfSatisfying(InvalidActivationCodeException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.CHECKSUM));
    }

    @Test
    void toStringAndErrorsMaskTheCode() throws Exception {
        String code = SERVER.generateActivationCode();
        ActivationCode parsed = ActivationCode.parse(code);
        assertThat(parsed.toString()).doesNotContain(code.substring(0, 17)).endsWith(code.substring(18) + "]");
        String broken = code.substring(0, 22) + (code.charAt(22) == 'A' ? 'Q' : 'A');
        assertThatThrownBy(() -> ActivationCode.parse(broken))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(broken).doesNotContain(code.substring(0, 5)));
    }
}
