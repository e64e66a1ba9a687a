package org.opentokens.powerauth.token.domain.error;

import java.util.concurrent.RejectedExecutionException;

/**
 * The client can no longer start server calls: the executor they run on refused the work. With the Guice wiring
 * this means {@code PowerAuthClient.close()} was called; with a host-supplied executor, that the host shut it down
 * (or it is saturated). Retrying on the same client does not help; build a new one. Nothing was sent and nothing
 * stored changed. The cause is the executor's {@link RejectedExecutionException}.
 */
public final class ClientClosedException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    /** @param cause the executor's refusal */
    public ClientClosedException(RejectedExecutionException cause) {
        super("the client is closed: its executor refused the server call", cause);
    }
}
