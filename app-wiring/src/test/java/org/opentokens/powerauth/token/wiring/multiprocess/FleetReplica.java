package org.opentokens.powerauth.token.wiring.multiprocess;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;
import org.opentokens.powerauth.token.wiring.testing.BedSteps;

/**
 * One replica of a fleet, in a worker JVM: it creates its anchor token (kept to the end), waits until the other
 * replicas' anchors are in the shared store, then makes its remaining signed calls (token creates, with possession
 * or possession and password, and removes of its own earlier tokens) and after each one sends a header for every
 * other replica's anchor, and its own, to the emulator's resource. Prints
 * {@code DONE ok=.. failed=.. headers=.. rejected=..}, and a {@code FAIL} or {@code REJECTED} line per failure.
 */
final class FleetReplica {
    private static final long HANG_GUARD_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final PowerAuthClient client;
    private final URI baseUri;
    private final String prefix;
    private final List<String> others;
    private final HttpClient http = HttpClient.newHttpClient();
    private int ok;
    private int failed;
    private int headers;
    private int rejected;

    FleetReplica(PowerAuthClient client, URI baseUri, String prefix, List<String> others) {
        this.client = client;
        this.baseUri = baseUri;
        this.prefix = prefix;
        this.others = others;
    }

    int run(int calls) throws InterruptedException {
        signed(() -> client.tokenStore().requestAccessToken(anchor(prefix), PowerAuthAuthentication.possession()).join());
        long deadline = System.nanoTime() + HANG_GUARD_NANOS;
        for (String other : others) {
            while (!client.tokenStore().hasLocalToken(anchor(other))) {
                if (System.nanoTime() > deadline) {
                    System.out.println("FAIL never saw " + anchor(other));
                    return 1;
                }
                Thread.sleep(20);
            }
        }
        Deque<String> mine = new ArrayDeque<>();
        for (int i = 1; i < calls; i++) {
            if (mine.size() >= 2 && i % 3 == 2) {
                String name = mine.removeFirst();
                signed(() -> client.tokenStore().removeAccessToken(name).join());
            } else {
                String name = prefix + i;
                PowerAuthAuthentication factors = i % 2 == 0 ? PowerAuthAuthentication.possession()
                        : PowerAuthAuthentication.possessionWithPassword(SharedBed.PASSWORD.toCharArray());
                signed(() -> client.tokenStore().requestAccessToken(name, factors).join());
                mine.addLast(name);
            }
            header(prefix);
            others.forEach(this::header);
        }
        System.out.println("DONE ok=" + ok + " failed=" + failed + " headers=" + headers + " rejected=" + rejected);
        return failed == 0 && rejected == 0 ? 0 : 1;
    }

    private static String anchor(String replicaPrefix) {
        return replicaPrefix + "anchor";
    }

    private void signed(Runnable call) {
        try {
            call.run();
            ok++;
        } catch (CompletionException e) {
            failed++;
            System.out.println("FAIL " + e.getCause().getClass().getSimpleName() + " " + e.getCause().getMessage());
        }
    }

    private void header(String replicaPrefix) {
        String value = client.tokenStore().generateHeaderForToken(anchor(replicaPrefix)).value();
        headers++;
        int status = BedSteps.resourceStatus(http, baseUri, value, Duration.ofSeconds(10));
        if (status != 200) {
            rejected++;
            System.out.println("REJECTED " + anchor(replicaPrefix) + " " + status);
        }
    }
}
