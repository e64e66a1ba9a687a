package org.opentokens.powerauth.token.port.out;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Supplier;

/** The {@link RandomSource} behind {@link RandomSource#perThread(Supplier)}. */
final class PerThreadRandomSource implements RandomSource {
    private final ThreadLocal<SecureRandom> generators;

    PerThreadRandomSource(Supplier<SecureRandom> factory) {
        this.generators = ThreadLocal.withInitial(
                () -> Objects.requireNonNull(factory.get(), "the factory returned no SecureRandom"));
    }

    @Override
    public SecureRandom secureRandom() {
        return generators.get();
    }

    @Override
    public String toString() {
        return "RandomSource[per thread]";
    }
}
