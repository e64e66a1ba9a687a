package org.opentokens.powerauth.token.benchmarks.suite;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.opentokens.powerauth.token.benchmarks.crypto.ActivationBenchmark;
import org.opentokens.powerauth.token.benchmarks.crypto.TokenCreateBenchmark;
import org.opentokens.powerauth.token.benchmarks.header.HeaderBenchmark;
import org.opentokens.powerauth.token.benchmarks.storage.Backends;
import org.opentokens.powerauth.token.benchmarks.storage.StorageBenchmark;
import org.opentokens.powerauth.token.benchmarks.v4.V4HeaderBenchmark;
import org.opentokens.powerauth.token.benchmarks.v4.V4TokenCreateBenchmark;

/** The comparison groups of the suite, in report order. */
public final class Groups {
    private Groups() {
    }

    /** @return every group */
    public static List<Group> all() {
        return List.of(header(), headerThroughput(), tokenCreate(), activation(), storage(), v4Header(),
                v4TokenCreate());
    }

    /**
     * @param id a group id
     * @return the group
     * @throws IllegalArgumentException if there is no such group
     */
    public static Group byId(String id) {
        return all().stream().filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no benchmark group " + id));
    }

    static Group header() {
        return new Group("header", "1. Header generation (protocol 3.3, cached token)",
                List.of(Side.averageTime("ours", HeaderBenchmark.class, "ours", TimeUnit.NANOSECONDS),
                        Side.averageTime("wultra", HeaderBenchmark.class, "wultra", TimeUnit.NANOSECONDS),
                        Side.averageTime("floor", HeaderBenchmark.class, "floor", TimeUnit.NANOSECONDS)),
                List.of(Ratio.atLeast("Wultra / ours", "wultra", "ours", 15),
                        Ratio.atMost("ours / floor", "ours", "floor", 1.3)),
                List.of(),
                "ours: `PowerAuthTokenStore.generateHeaderForToken` on a cached token, time synchronized, nonces "
                        + "from one SHA1PRNG per thread (`RandomSource.perThread`); wultra: `ClientTokenGenerator` nonce, timestamp "
                        + "and `computeTokenDigest`, then `PowerAuthTokenHttpHeader.buildHttpHeader`; floor: 16 bytes "
                        + "from a generator of the same kind as ours, one JDK HMAC-SHA256 keyed once, Base64 and "
                        + "string concatenation.");
    }

    static Group headerThroughput() {
        return new Group("throughput", "2. Header throughput, 1 and 2 threads",
                List.of(throughput("ours-1t", "ours", 1), throughput("ours-2t", "ours", 2),
                        throughput("floor-1t", "floor", 1), throughput("floor-2t", "floor", 2),
                        throughput("ours-shared-1t", "ours", 1).with("random", "shared"),
                        throughput("ours-shared-2t", "ours", 2).with("random", "shared")),
                List.of(Ratio.atLeast("ours: 2 threads / 1 thread", "ours-2t", "ours-1t", 1.8),
                        new Ratio("floor: 2 threads / 1 thread (what the machine allowed)", List.of("floor-2t"),
                                List.of("floor-1t"), null, true),
                        new Ratio("ours with one shared default SecureRandom: 2 threads / 1 thread",
                                List.of("ours-shared-2t"), List.of("ours-shared-1t"), null, true)),
                List.of(),
                "Both threads share one token store and one cached token. ours and floor draw nonces from one "
                        + "SHA1PRNG per thread (`RandomSource.perThread`); the shared rows use one default "
                        + "`new SecureRandom()` (NativePRNG, which takes process-wide locks) through "
                        + "`RandomSource.of`. The floor's scaling shows what the machine itself allowed during the "
                        + "run (2 cores, shared with other work).");
    }

    static Group tokenCreate() {
        Class<?> b = TokenCreateBenchmark.class;
        return new Group("token-create", "3. Token create, client crypto only (protocol 3.3)",
                List.of(Side.averageTime("ours-request", b, "oursRequest", TimeUnit.MICROSECONDS),
                        Side.averageTime("wultra-request", b, "wultraRequest", TimeUnit.MICROSECONDS),
                        Side.averageTime("ours-response", b, "oursResponse", TimeUnit.MICROSECONDS).withoutCpu(),
                        Side.averageTime("wultra-response", b, "wultraResponse", TimeUnit.MICROSECONDS).withoutCpu()),
                List.of(new Ratio("Wultra / ours (request + response)", List.of("wultra-request", "wultra-response"),
                                List.of("ours-request", "ours-response"), 1.5, true),
                        new Ratio("Wultra / ours, request only", List.of("wultra-request"), List.of("ours-request"),
                                null, true),
                        new Ratio("Wultra / ours, response only", List.of("wultra-response"),
                                List.of("ours-response"), null, true)),
                List.of(),
                "Request: ECIES encryption of `{}` in activation scope to the cached activation-scope temporary "
                        + "key (the client reuses it for minutes), the possession + knowledge signature over the "
                        + "encrypted JSON body, the `X-PowerAuth-Authorization` header and the counter step. "
                        + "Response: ECIES decryption of the server's answer, prepared outside the measured call by "
                        + "Wultra's server encryptor. Same keys and inputs on both sides; JSON is written the same "
                        + "way for both.");
    }

    static Group activation() {
        Class<?> b = ActivationBenchmark.class;
        return new Group("activation", "4. Activation create, client crypto only (protocol 3.3)",
                List.of(Side.averageTime("ours-request", b, "oursRequest", TimeUnit.MICROSECONDS),
                        Side.averageTime("wultra-request", b, "wultraRequest", TimeUnit.MICROSECONDS),
                        Side.averageTime("ours-response", b, "oursResponse", TimeUnit.MICROSECONDS).withoutCpu(),
                        Side.averageTime("wultra-response", b, "wultraResponse", TimeUnit.MICROSECONDS).withoutCpu()),
                List.of(new Ratio("Wultra / ours (request + response)", List.of("wultra-request", "wultra-response"),
                                List.of("ours-request", "ours-response"), null, true),
                        new Ratio("Wultra / ours, request only", List.of("wultra-request"), List.of("ours-request"),
                                null, true),
                        new Ratio("Wultra / ours, response only", List.of("wultra-response"),
                                List.of("ours-response"), null, true)),
                List.of(),
                "No target in the issue; reported for comparison. Request: parse the application-scope temporary "
                        + "key received as Base64 (each activation gets a fresh key object), generate the device "
                        + "key pair, encrypt layer 2, then layer 1 around it. Response (answer prepared outside the "
                        + "measured call by Wultra's server encryptors): decrypt both layers, parse the server "
                        + "public key and counter, fingerprint, master secret (ECDH), the five derived keys and the "
                        + "vault-encrypted device private key. PBKDF2 knowledge-key protection (a configured cost) "
                        + "and JSON are left out on both sides.");
    }

    static Group storage() {
        return new Group("storage", "5. Storage",
                List.of(storage("sqlite-put", "put", Backends.SQLITE), storage("sqlite-get", "get", Backends.SQLITE),
                        storage("postgres-put", "put", Backends.POSTGRES),
                        storage("postgres-get", "get", Backends.POSTGRES),
                        storage("memory-put", "put", Backends.MEMORY), storage("memory-get", "get", Backends.MEMORY),
                        removeAll("sqlite-remove-all-10k", Backends.SQLITE),
                        removeAll("postgres-remove-all-10k", Backends.POSTGRES),
                        removeAll("memory-remove-all-10k", Backends.MEMORY)),
                List.of(),
                List.of(new Limit("removeAllLocalTokens, 10,000 SQLite tokens", "sqlite-remove-all-10k", 200, "ms")),
                "put: overwrite of one of 1,000 entries of 160 bytes (about a token record); get: read of one of "
                        + "them; remove-all: `PowerAuthTokenStore.removeAllLocalTokens` with 10,000 tokens of the "
                        + "activation stored (refilled outside the measurement before each shot). SQLite: "
                        + "`SqliteSecureStorage` (WAL, AES-256-GCM per record, raw master key as from the OS "
                        + "keychain) on the local disk; PostgreSQL: `PostgresSecureStorage` (the same sealing) on "
                        + "the private test cluster of `.ci/postgres-up.sh` (PostgreSQL 15 on this machine, loopback "
                        + "TCP, `fsync=off`, a HikariCP pool of 4), in a fresh schema; memory: "
                        + "`InMemorySecureStorage`. Without the cluster the PostgreSQL rows say " + Backends.NO_CLUSTER
                        + ".");
    }

    private static Side removeAll(String label, String backend) {
        return Side.of(label, StorageBenchmark.class, "removeAllLocalTokens", Mode.SingleShotTime, TimeUnit.MILLISECONDS,
                1).with("backend", backend);
    }

    static Group v4Header() {
        Class<?> b = V4HeaderBenchmark.class;
        return new Group("v4-header", "6. Header generation (protocol 4.0)",
                List.of(Side.averageTime("ours", b, "ours", TimeUnit.NANOSECONDS),
                        Side.averageTime("wultra", b, "wultra", TimeUnit.NANOSECONDS),
                        Side.averageTime("floor", b, "floor", TimeUnit.NANOSECONDS)),
                List.of(Ratio.atLeast("Wultra 2.0.1 / ours", "wultra", "ours", 5),
                        Ratio.atMost("ours / floor", "ours", "floor", 1.3)),
                List.of(),
                "ours: 16 nonce bytes from one SHA1PRNG per thread (`RandomSource.perThread`), the clock, then the "
                        + "token's `V4TokenHeaderGenerator.headerValue` (domain; its KMAC256 state keyed with the "
                        + "token secret once per token and copied per header, the header prefix rendered once); "
                        + "wultra: Wultra 2.0.1's v4 `ClientTokenGenerator` nonce, timestamp and "
                        + "`computeTokenDigest`, then `PowerAuthTokenHttpHeader.buildHttpHeader`; floor: 16 bytes "
                        + "from a generator of the same kind as ours, one KMAC256 (`PA4DIGEST`) over the same bytes "
                        + "from a keyed Bouncy Castle cSHAKE256 state prepared once and copied per header, Base64 "
                        + "and string concatenation. The 4.0 token store path is not on this branch; this group "
                        + "measures the domain generator a store calls.");
    }

    static Group v4TokenCreate() {
        Class<?> b = V4TokenCreateBenchmark.class;
        List<Side> sides = new java.util.ArrayList<>();
        List<Ratio> ratios = new java.util.ArrayList<>();
        for (String algorithm : List.of("EC_P384", "EC_P384_ML_L3")) {
            for (String side : List.of("ours", "wultra")) {
                sides.add(Side.averageTime(side + "-keystore-request-" + algorithm, b, side + "KeystoreRequest",
                        TimeUnit.MICROSECONDS).with("algorithm", algorithm));
                sides.add(Side.averageTime(side + "-keystore-response-" + algorithm, b, side + "KeystoreResponse",
                        TimeUnit.MICROSECONDS).with("algorithm", algorithm).withoutCpu());
            }
        }
        for (String side : List.of("ours", "wultra")) {
            sides.add(Side.averageTime(side + "-token-request", b, side + "TokenRequest", TimeUnit.MICROSECONDS)
                    .with("algorithm", "EC_P384"));
            sides.add(Side.averageTime(side + "-token-response", b, side + "TokenResponse", TimeUnit.MICROSECONDS)
                    .with("algorithm", "EC_P384").withoutCpu());
        }
        for (String algorithm : List.of("EC_P384", "EC_P384_ML_L3")) {
            ratios.add(new Ratio("Wultra 2.0.1 / ours, " + algorithm + " (fresh temporary key + token create)",
                    List.of("wultra-keystore-request-" + algorithm, "wultra-keystore-response-" + algorithm,
                            "wultra-token-request", "wultra-token-response"),
                    List.of("ours-keystore-request-" + algorithm, "ours-keystore-response-" + algorithm,
                            "ours-token-request", "ours-token-response"), 1.5, true));
            ratios.add(new Ratio("Wultra 2.0.1 / ours, " + algorithm + " temporary key only",
                    List.of("wultra-keystore-request-" + algorithm, "wultra-keystore-response-" + algorithm),
                    List.of("ours-keystore-request-" + algorithm, "ours-keystore-response-" + algorithm), null,
                    true));
        }
        ratios.add(new Ratio("Wultra 2.0.1 / ours, cached temporary key (token request + response)",
                List.of("wultra-token-request", "wultra-token-response"),
                List.of("ours-token-request", "ours-token-response"), 1.5, true));
        return new Group("v4-token-create", "7. Token create, client crypto only (protocol 4.0), per algorithm",
                sides, ratios, List.of(),
                "Temporary key (activation scope, fetched when none is cached): request = KEM key generation for "
                        + "the algorithm (DHKEM P-384, plus ML-KEM-768 for EC_P384_ML_L3), a 32-byte challenge and "
                        + "the HS384 JWT; response (answer prepared outside the measured call by Wultra 2.0.1's "
                        + "`SharedSecretFactory` and signers) = every JWS signature verified (ES384, plus ML-DSA-65), "
                        + "the claim checks and KEM decapsulation with the KMAC combiner. Token create with the key "
                        + "cached (algorithm-independent): request = AEAD encryption of `{}` in activation scope, "
                        + "the possession + knowledge authentication code over the encrypted JSON body, the "
                        + "`X-PowerAuth-Authorization` header and the counter step; response = AEAD decryption of "
                        + "an answer sealed by Wultra's `ServerAeadEncryptor`. Claims and envelope JSON are written "
                        + "the same way for both sides; Wultra has no JWT code, so its side uses the JDK's "
                        + "HmacSHA384 and its own `SignatureUtils` / `MlDsa` for the JWS.");
    }

    private static Side storage(String label, String method, String backend) {
        return Side.averageTime(label, StorageBenchmark.class, method, TimeUnit.MICROSECONDS).with("backend", backend);
    }

    private static Side throughput(String label, String method, int threads) {
        return Side.of(label, HeaderBenchmark.class, method, Mode.Throughput, TimeUnit.MILLISECONDS, threads);
    }
}
