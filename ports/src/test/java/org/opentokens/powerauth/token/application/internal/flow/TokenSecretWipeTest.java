package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;

/**
 * A token's secret (and its prepared HMAC pads) is wiped when the token leaves the client, whichever way it
 * leaves, and a header computed while another thread removes the token is either valid or a
 * {@link TokenNotFoundException}, never an {@link IllegalStateException} from the wiped secret.
 */
class TokenSecretWipeTest {
    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @Test
    void aTokenThatLeavesTheClientInAnyWayHasItsSecretWiped() {
        Testbed.Client client = bed.client();
        client.activate();
        for (String name : List.of("local", "remote", "all", "activation")) {
            request(client, name);
        }
        TokenRecord local = cached(client, "local");
        TokenRecord remote = cached(client, "remote");

        client.tokens.removeLocalToken("local");
        client.tokens.removeAccessToken("remote").join();
        TokenRecord all = cached(client, "all");
        client.tokens.removeAllLocalTokens();
        request(client, "activation");
        TokenRecord activation = cached(client, "activation");
        client.activation.removeActivationLocal();

        assertThat(List.of(local, remote, all, activation)).allSatisfy(r ->
                assertThat(r.isDestroyed()).as(r.tokenName()).isTrue());
    }

    @Test
    void aHeaderRacingTheRemovalOfItsTokenIsValidOrTokenNotFound() {
        Testbed.Client client = bed.client();
        client.activate();
        int headers = 0;
        int rounds = 0;
        for (int round = 0; round < 50; round++) {
            request(client, "raced");
            CompletableFuture<Integer> generator = CompletableFuture.supplyAsync(() -> {
                int made = 0;
                while (true) {
                    try {
                        client.tokens.generateHeaderForToken("raced");
                        made++;
                    } catch (TokenNotFoundException e) {
                        return made;
                    }
                }
            });
            client.tokens.removeLocalToken("raced");
            headers += generator.join();
            rounds++;
        }
        System.out.println("[wipe race] " + rounds + " removals raced by " + headers + " headers");
        assertThat(rounds).as("every race ended in TokenNotFoundException, none in a wiped-secret error").isEqualTo(50);
        assertThat(client.tokens.hasLocalToken("raced")).isFalse();
    }

    private static void request(Testbed.Client client, String name) {
        client.tokens.requestAccessToken(name, PowerAuthAuthentication.possession()).join();
        client.tokens.generateHeaderForToken(name);
    }

    /** @return the record object the client caches (the one headers use), not a fresh copy from storage */
    private static TokenRecord cached(Testbed.Client client, String name) {
        TokenRecord record = client.state.token(client.state.snapshot(), name).orElse(null);
        assertThat(record).as("cached record of %s", name).isNotNull();
        assertThat(client.state.token(client.state.snapshot(), name)).as("the same object on every lookup")
                .containsSame(record);
        return record;
    }
}
