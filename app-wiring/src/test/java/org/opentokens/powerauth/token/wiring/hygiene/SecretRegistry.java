package org.opentokens.powerauth.token.wiring.hygiene;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.opentokens.powerauth.token.domain.internal.token.TokenHeader;
import org.opentokens.powerauth.token.domain.server.TokenHeaderParser;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * What the secret scan needs, gathered while the e2e suite and the hygiene tests run in this JVM: every secret
 * they used (passwords, application secrets, stored keys and token secrets, header values and digests, storage
 * keys), the text of every exception they saw, and the {@code toString} of every object reachable from their
 * clients. One registry per JVM; {@link SecretHygieneScanTest} reads it last.
 *
 * <p>Public only so the e2e test bed in a sibling package can feed it. Thread-safe.
 */
public final class SecretRegistry {
    private static final Map<String, String[]> FORMS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> SECRETS_BY_KIND = new ConcurrentHashMap<>();
    private static final List<String> EXCEPTIONS = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> TO_STRINGS = Collections.synchronizedList(new ArrayList<>());
    private static final Set<String> TYPES_SEEN = ConcurrentHashMap.newKeySet();
    private static final Set<String> PASSWORDS = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger BEDS_CLOSED = new AtomicInteger();
    private static final AtomicInteger OBJECTS_WALKED = new AtomicInteger();

    private SecretRegistry() {
    }

    /** Registers a secret text (password, passphrase, Base64 secret, header value) in all its spellings. */
    public static void text(String kind, String secret) {
        if (secret != null && !secret.isEmpty()) {
            register(kind, SecretForms.ofText(secret));
        }
    }

    /** Registers secret bytes in all their spellings. */
    public static void bytes(String kind, byte[] secret) {
        if (secret != null && secret.length > 0) {
            register(kind, SecretForms.ofBytes(secret));
        }
    }

    /** Registers a password; recorded activations are also unlocked with it to register their knowledge keys. */
    public static void password(String password) {
        PASSWORDS.add(password);
        text("password", password);
    }

    /** Registers an application secret (Base64 text and its bytes). */
    public static void applicationSecret(String base64) {
        text("application secret", base64);
        bytes("application secret", Base64.getDecoder().decode(base64));
    }

    /** Registers a full {@code X-PowerAuth-Token} value and its digest. */
    public static void header(String value) {
        text("header value", value);
        bytes("token digest", value.contains("version=\"4.0\"")
                ? org.opentokens.powerauth.token.domain.server.V4TokenHeaderParser.parse(value).digest()
                : TokenHeaderParser.parse(value).digest());
    }

    /** Records an exception the tests saw: its stack trace with every message, cause and suppressed one. */
    public static void exception(Throwable failure) {
        if (failure == null) {
            return;
        }
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        EXCEPTIONS.add(text.toString());
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            TYPES_SEEN.add(t.getClass().getName());
        }
    }

    /** Takes the {@code toString} of every project object reachable from the roots, and harvests their keys. */
    public static void walk(Object... roots) {
        ObjectGraphWalker walker = new ObjectGraphWalker(true);
        for (Object root : roots) {
            walker.walk(root);
        }
        OBJECTS_WALKED.addAndGet(walker.visited());
    }

    /** @return the storage, recording every activation and token record written through it */
    public static SecureStorage recording(SecureStorage storage) {
        return new RecordingSecureStorage(storage);
    }

    /** Counts one closed e2e test bed: proof that the e2e suite fed the registry. */
    public static void bedClosed() {
        BEDS_CLOSED.incrementAndGet();
    }

    static void toStringOf(Object object, String text) {
        TYPES_SEEN.add(object.getClass().getName());
        TO_STRINGS.add(text);
    }

    static Set<String> passwords() {
        return Set.copyOf(PASSWORDS);
    }

    static Map<String, String[]> forms() {
        return Map.copyOf(FORMS);
    }

    static int secretCount() {
        return SECRETS_BY_KIND.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    static Map<String, Integer> secretsByKind() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        SECRETS_BY_KIND.forEach((kind, n) -> counts.put(kind, n.get()));
        return counts;
    }

    static List<String> exceptionTexts() {
        synchronized (EXCEPTIONS) {
            return List.copyOf(EXCEPTIONS);
        }
    }

    static List<String> toStringTexts() {
        synchronized (TO_STRINGS) {
            return List.copyOf(TO_STRINGS);
        }
    }

    static Set<String> typesSeen() {
        return Set.copyOf(TYPES_SEEN);
    }

    static int bedsClosed() {
        return BEDS_CLOSED.get();
    }

    static int objectsWalked() {
        return OBJECTS_WALKED.get();
    }

    private static void register(String kind, Map<String, String> forms) {
        if (forms.isEmpty()) {
            return;
        }
        boolean fresh = false;
        for (Map.Entry<String, String> form : forms.entrySet()) {
            fresh |= FORMS.putIfAbsent(form.getKey(), new String[] {kind, form.getValue()}) == null;
        }
        if (fresh) {
            SECRETS_BY_KIND.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
