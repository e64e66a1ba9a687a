package org.opentokens.powerauth.testkit;

import io.getlime.security.powerauth.crypto.lib.generator.KeyGenerator;
import io.getlime.security.powerauth.crypto.lib.util.KeyConvertor;
import io.getlime.security.powerauth.crypto.lib.util.SignatureUtils;
import io.getlime.security.powerauth.crypto.server.keyfactory.PowerAuthServerKeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Thin wrappers over Wultra's server-side crypto that turn its checked exceptions into ours. */
final class WultraCrypto {

    private static final KeyGenerator KEY_GENERATOR;
    private static final KeyConvertor KEY_CONVERTOR;
    private static final PowerAuthServerKeyFactory SERVER_KEY_FACTORY;

    static {
        ensureProvider();
        KEY_GENERATOR = new KeyGenerator();
        KEY_CONVERTOR = new KeyConvertor();
        SERVER_KEY_FACTORY = new PowerAuthServerKeyFactory();
    }

    private WultraCrypto() {
    }

    /** Wultra's classes ask the JCA for provider "BC" by name. */
    static synchronized void ensureProvider() {
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    /** A call into Wultra's library that may throw checked exceptions. */
    @FunctionalInterface
    interface CryptoCall<T> {
        T call() throws Exception;
    }

    /** Runs a call whose failure is an emulator bug or a broken JCA set-up, never bad client input. */
    static <T> T internal(CryptoCall<T> call) {
        try {
            return call.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Server-side crypto failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Runs a call whose failure means the client sent bad data. */
    static <T> T client(CryptoCall<T> call, Supplier<EmulatorRejection> rejection) {
        try {
            return call.call();
        } catch (EmulatorRejection e) {
            throw e;
        } catch (Exception e) {
            throw rejection.get();
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static byte[] unb64(String text, Supplier<EmulatorRejection> rejection) {
        if (text == null) {
            throw rejection.get();
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw rejection.get();
        }
    }

    static KeyPair newKeyPair() {
        return internal(KEY_GENERATOR::generateKeyPair);
    }

    static byte[] randomBytes(int n) {
        return internal(() -> KEY_GENERATOR.generateRandomBytes(n));
    }

    static byte[] publicKeyBytes(PublicKey key) {
        return internal(() -> KEY_CONVERTOR.convertPublicKeyToBytes(key));
    }

    static PublicKey publicKey(byte[] bytes, Supplier<EmulatorRejection> rejection) {
        return client(() -> KEY_CONVERTOR.convertBytesToPublicKey(bytes), rejection);
    }

    static SecretKey masterSecret(PrivateKey serverPrivate, PublicKey devicePublic) {
        return internal(() -> SERVER_KEY_FACTORY.generateServerMasterSecretKey(serverPrivate, devicePublic));
    }

    static SecretKey transportKey(SecretKey masterSecret) {
        return internal(() -> SERVER_KEY_FACTORY.generateServerTransportKey(masterSecret));
    }

    static byte[] secretBytes(SecretKey key) {
        return KEY_CONVERTOR.convertSharedSecretKeyToBytes(key);
    }

    /** KDF_INTERNAL(key, data) = reduce(HMAC-SHA256(key, data)). */
    static SecretKey deriveHmac(SecretKey key, byte[] data) {
        return internal(() -> KEY_GENERATOR.deriveSecretKeyHmac(key, data));
    }

    /** DER-encoded ECDSA-SHA256 over data. */
    static byte[] ecdsaDer(byte[] data, PrivateKey key) {
        return internal(() -> new SignatureUtils().computeECDSASignature(data, key));
    }
}
