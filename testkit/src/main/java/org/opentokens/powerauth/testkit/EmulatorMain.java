package org.opentokens.powerauth.testkit;

import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator on its own: {@code java -jar powerauth-token-testkit-<version>-standalone.jar [options]}.
 * Prints the base URL, the application credentials (the 3.x master key and the 4.0 P-384 and ML-DSA master keys) and
 * one activation code (usable by a 3.x or a 4.0 client), then serves until stopped.
 *
 * <pre>
 * --port N                   listen on 127.0.0.1:N (default 0: an ephemeral port)
 * --commit-on-key-exchange   activate without a commit step
 * --exit-after-start         print and stop at once (for smoke tests)
 * --help                     print usage
 * </pre>
 */
public final class EmulatorMain {

    private static final String USAGE = "usage: java -jar powerauth-token-testkit-standalone.jar [--port N] "
            + "[--commit-on-key-exchange] [--exit-after-start]";

    private EmulatorMain() {
    }

    /**
     * Entry point.
     *
     * @param args command-line options
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Parses, starts, prints; blocks unless told to exit. Returns the process exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        int port = 0;
        boolean commitOnKeyExchange = false;
        boolean exitAfterStart = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> {
                    if (i + 1 >= args.length || !args[i + 1].matches("\\d{1,5}")
                            || Integer.parseInt(args[i + 1]) > 65535) {
                        err.println("--port needs a number 0..65535");
                        err.println(USAGE);
                        return 2;
                    }
                    port = Integer.parseInt(args[++i]);
                }
                case "--commit-on-key-exchange" -> commitOnKeyExchange = true;
                case "--exit-after-start" -> exitAfterStart = true;
                case "--help" -> {
                    out.println(USAGE);
                    return 0;
                }
                default -> {
                    err.println("unknown option: " + args[i]);
                    err.println(USAGE);
                    return 2;
                }
            }
        }
        PowerAuthEmulator emulator = PowerAuthEmulator.builder().commitOnKeyExchange(commitOnKeyExchange).build();
        URI baseUri = emulator.start(port);
        EmulatorApplication app = emulator.createApplication();
        EmulatorActivationCode code = emulator.initActivation(app);
        printBanner(out, baseUri, app, code, commitOnKeyExchange);
        if (exitAfterStart) {
            emulator.close();
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "powerauth-emulator-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emulator.close();
        }
        return 0;
    }

    private static void printBanner(PrintStream out, URI baseUri, EmulatorApplication app,
            EmulatorActivationCode code, boolean commitOnKeyExchange) {
        out.println("PowerAuth emulator (test server; secrets below are throw-away)");
        out.println("  base URL              " + baseUri);
        out.println("  appKey                " + app.appKey());
        out.println("  appSecret             " + app.appSecret());
        out.println("  masterServerPublicKey " + app.masterServerPublicKey() + "  (3.x, P-256)");
        out.println("  4.0 masterEcP384      " + app.masterServerPublicKeyP384());
        out.println("  4.0 masterMlDsa65     " + app.masterServerPublicKeyMlDsa65() + "  (EC_P384_ML_L3)");
        out.println("  4.0 masterMlDsa87     " + app.masterServerPublicKeyMlDsa87() + "  (EC_P384_ML_L5)");
        out.println("  applicationId         " + app.applicationId());
        out.println("  activationId          " + code.activationId());
        out.println("  activationCode        " + code.activationCode());
        out.println("  qrPayload             " + code.qrPayload());
        out.println(commitOnKeyExchange ? "  commit                on key exchange"
                : "  commit                POST " + baseUri + "/admin/activations/" + code.activationId() + "/commit");
        out.println("  protocols             3.0-3.3 under /pa/v3, 4.0 under /pa/v4 (EC_P384, EC_P384_ML_L3, "
                + "EC_P384_ML_L5)");
        out.println("  admin API             " + baseUri + "/admin/ (applications, activations, clock, faults)");
        out.println("  token resources       " + baseUri + PowerAuthEmulator.RESOURCE_PATH + " (2FA tokens), "
                + baseUri + PowerAuthEmulator.POSSESSION_RESOURCE_PATH + " (any token)");
        out.flush();
    }
}
