package org.opentokens.powerauth.token.application.internal.json;

import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.PowerAuthClientException;

/**
 * Turns every failure to parse, decrypt or verify what the server sent into an
 * {@link InvalidServerResponseException}, so that hosts see one type for bad server data. The original failure
 * stays the cause; the message names the payload, never its content.
 */
public final class ServerData {
    private ServerData() {
    }

    /**
     * @param message what was wrong, without the data
     * @param step the parsing, decryption or verification step
     * @param <T> its result
     * @return the step's result
     * @throws InvalidServerResponseException if the step fails with a library exception or a bad argument
     */
    public static <T> T orInvalidResponse(String message, Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidServerResponseException e) {
            throw e;
        } catch (PowerAuthClientException | IllegalArgumentException e) {
            throw new InvalidServerResponseException(message, e);
        }
    }
}
