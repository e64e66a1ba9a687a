package org.opentokens.powerauth.token.application.internal.time;

import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;

/** Stands in for the server port's typed failure (for example server unreachable) in time sync tests. */
final class TestFetchFailedException extends PowerAuthClientException {
    private static final long serialVersionUID = 1L;

    TestFetchFailedException(String message) {
        super(message);
    }
}
