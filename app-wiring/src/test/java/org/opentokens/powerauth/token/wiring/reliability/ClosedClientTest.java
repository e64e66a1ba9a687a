package org.opentokens.powerauth.token.wiring.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.domain.error.ClientClosedException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.in.PowerAuthActivation;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.wiring.PowerAuthClient;

/**
 * Regression: after {@link PowerAuthClient#close()} server calls failed with the JDK's
 * {@link RejectedExecutionException}. They now fail with the library's {@link ClientClosedException}, change
 * nothing stored, and local operations keep working.
 */
class ClosedClientTest {
    private final ReliabilityBed bed = new ReliabilityBed();

    @AfterEach
    void close() {
        bed.close();
    }

    @Test
    void everyServerCallOfAClosedClientFailsWithClientClosedAndChangesNothing() {
        PowerAuthClient client = bed.client(bed.config("closed", Duration.ofSeconds(10)).build());
        bed.activate(client);
        client.tokenStore().requestAccessToken("kept", PowerAuthAuthentication.possession()).join();
        Map<String, SecretBytes> before = bed.snapshot("closed");
        long requestsBefore = bed.emulator.exchanges().size();

        client.close();

        assertClosed(ReliabilityBed.failure(client.tokenStore().requestAccessToken("new",
                PowerAuthAuthentication.possession())));
        assertClosed(ReliabilityBed.failure(client.tokenStore().removeAccessToken("kept")));
        assertClosed(ReliabilityBed.failure(client.activation().fetchActivationStatus()));
        assertClosed(ReliabilityBed.failure(client.activation().removeActivation(ReliabilityBed.password())));
        assertThat(bed.emulator.exchanges()).as("nothing was sent").hasSize((int) requestsBefore);
        StorageCheck.assertUnchanged(before, bed.snapshot("closed"), false);
        assertThat(client.tokenStore().hasLocalToken("kept")).isTrue();
        assertThat(bed.verify(client.tokenStore().generateHeaderForToken("kept"))).isEqualTo(200);
    }

    @Test
    void aClosedClientCannotCreateAnActivationAndCanTryAgainOnlyWithANewClient() {
        PowerAuthClient client = bed.client(bed.config("fresh", Duration.ofSeconds(10)).build());
        String code = bed.emulator.initActivation(bed.application).activationCode();
        client.close();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertClosed(ReliabilityBed.failure(client.activation().createActivation(
                    PowerAuthActivation.builder(code, "x").build())));
        }
        PowerAuthClient next = bed.client(bed.config("fresh", Duration.ofSeconds(10)).build());
        next.activation().createActivation(PowerAuthActivation.builder(code, "x").build()).join();
        assertThat(next.activation().activationIdentifier()).isPresent();
    }

    /**
     * Regression: a closed client still pinned its JDK HTTP client, whose selector thread lived for as long as the
     * host held the closed client. Closing now lets go of it.
     */
    @Test
    void aClosedClientTheHostStillHoldsPinsNoThread() {
        ThreadCensus census = ThreadCensus.take();
        PowerAuthClient client = bed.client(bed.config("held", Duration.ofSeconds(10)).build());
        bed.activate(client);
        client.tokenStore().requestAccessToken("t", PowerAuthAuthentication.possession()).join();
        assertThat(census.fresh()).as("the client's worker and its HTTP client's threads")
                .anyMatch(name -> name.startsWith("powerauth-held-"))
                .anyMatch(name -> name.startsWith("HttpClient-"));

        client.close();

        assertThat(census.leftovers(name -> true, true)).isEmpty();
        assertThat(client.isClosed()).isTrue();
    }

    private static void assertClosed(Throwable failure) {
        assertThat(failure).isInstanceOf(ClientClosedException.class)
                .hasMessageContaining("closed")
                .hasCauseInstanceOf(RejectedExecutionException.class);
    }
}
