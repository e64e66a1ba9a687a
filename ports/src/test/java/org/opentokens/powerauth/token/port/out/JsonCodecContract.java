package org.opentokens.powerauth.token.port.out;

import org.junit.jupiter.api.BeforeEach;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;

/**
 * The behaviour every {@link JsonCodec} must show: the production adapter and every test double. Extend it and
 * implement {@link #createCodec()}.
 *
 * <p>The tests live in three interfaces: {@link JsonCodecReadContract} (the value model {@link JsonCodec#readObject}
 * returns), {@link JsonCodecWriteContract} (what {@link JsonCodec#write} produces) and
 * {@link JsonCodecFailureContract} (every rejection in the port javadoc, and messages that never echo input).
 *
 * <p>Depth counts every object and array, the top-level object included: {@code {"a":[1]}} has depth 2.
 */
public abstract class JsonCodecContract implements JsonCodecReadContract, JsonCodecWriteContract,
        JsonCodecFailureContract {
    private JsonCodec codec;

    /** @return the codec under test */
    protected abstract JsonCodec createCodec();

    @Override
    public final JsonCodec codec() {
        return codec;
    }

    @BeforeEach
    final void createCodecUnderTest() {
        codec = createCodec();
    }
}
