package org.opentokens.powerauth.testkit;

import java.util.ServiceLoader;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Keeps SLF4J's own "No SLF4J providers were found" warning out of a host's test output. The emulator's server-side
 * crypto (Wultra's) and the emulator itself log through SLF4J; a host whose tests have no SLF4J back end would get
 * that warning the first time the emulator runs, though nothing would be logged anyway. When no provider is on the
 * class path and the host has set neither {@code slf4j.provider} nor {@code slf4j.internal.verbosity}, this sets
 * {@code slf4j.internal.verbosity=ERROR} before SLF4J starts, which silences only SLF4J's warnings about itself.
 * With a provider present nothing changes.
 */
final class QuietSlf4j {
    static final String VERBOSITY = "slf4j.internal.verbosity";

    private QuietSlf4j() {
    }

    static void unlessAProviderIsPresent() {
        if (System.getProperty(VERBOSITY) != null || System.getProperty("slf4j.provider") != null) {
            return;
        }
        boolean provider = ServiceLoader.load(SLF4JServiceProvider.class, SLF4JServiceProvider.class.getClassLoader())
                .stream().findAny().isPresent();
        if (!provider) {
            System.setProperty(VERBOSITY, "ERROR");
        }
    }
}
