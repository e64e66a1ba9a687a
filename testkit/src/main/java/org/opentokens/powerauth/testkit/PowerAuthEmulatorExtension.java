package org.opentokens.powerauth.testkit;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that runs a {@link PowerAuthEmulator} with its HTTP front end on 127.0.0.1 and one
 * application created for it.
 *
 * <p>Registered on a static field ({@code @RegisterExtension static PowerAuthEmulatorExtension EMULATOR =
 * PowerAuthEmulatorExtension.builder().build();}) or with {@code @ExtendWith(PowerAuthEmulatorExtension.class)}
 * (defaults), it starts once per test class, before {@code @BeforeAll} methods, and stops after the class; nested
 * classes share it. Registered on an instance field it starts and stops around each test.
 *
 * <p>Test constructors and methods may declare parameters of type {@link PowerAuthEmulator} (the admin API),
 * {@link EmulatorApplication} (the class's application) and {@link URI} (the base URI; every {@code URI}
 * parameter gets it, no annotation needed).
 */
public final class PowerAuthEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final Consumer<PowerAuthEmulator.Builder> configuration;
    private PowerAuthEmulator emulator;
    private EmulatorApplication application;
    private URI baseUri;
    private String ownerId;

    /** An extension with the emulator defaults; this is what {@code @ExtendWith} uses. */
    public PowerAuthEmulatorExtension() {
        this(builder -> { });
    }

    private PowerAuthEmulatorExtension(Consumer<PowerAuthEmulator.Builder> configuration) {
        this.configuration = configuration;
    }

    /** @return a builder for an extension with custom emulator settings */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the running emulator
     * @throws IllegalStateException outside the extension's lifetime
     */
    public synchronized PowerAuthEmulator emulator() {
        requireRunning();
        return emulator;
    }

    /**
     * @return the application created for this test class
     * @throws IllegalStateException outside the extension's lifetime
     */
    public synchronized EmulatorApplication application() {
        requireRunning();
        return application;
    }

    /**
     * @return the base URI of the HTTP front end, like {@code http://127.0.0.1:43123}
     * @throws IllegalStateException outside the extension's lifetime
     */
    public synchronized URI baseUri() {
        requireRunning();
        return baseUri;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        startIfNeeded(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopIfOwner(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        startIfNeeded(context);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stopIfOwner(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == PowerAuthEmulator.class || type == EmulatorApplication.class || type == URI.class;
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameterContext,
            ExtensionContext extensionContext) {
        if (emulator == null) {
            throw new ParameterResolutionException("The PowerAuth emulator is not running");
        }
        Class<?> type = parameterContext.getParameter().getType();
        if (type == PowerAuthEmulator.class) {
            return emulator;
        }
        return type == EmulatorApplication.class ? application : baseUri;
    }

    private synchronized void startIfNeeded(ExtensionContext context) {
        if (emulator != null) {
            return;
        }
        PowerAuthEmulator.Builder builder = PowerAuthEmulator.builder();
        configuration.accept(builder);
        PowerAuthEmulator started = builder.build();
        baseUri = started.start();
        application = started.createApplication();
        emulator = started;
        ownerId = context.getUniqueId();
    }

    private synchronized void stopIfOwner(ExtensionContext context) {
        if (emulator != null && context.getUniqueId().equals(ownerId)) {
            emulator.close();
            emulator = null;
            application = null;
            baseUri = null;
            ownerId = null;
        }
    }

    private void requireRunning() {
        if (emulator == null) {
            throw new IllegalStateException("The PowerAuth emulator is not running");
        }
    }

    /** Builds an extension with custom emulator settings. */
    public static final class Builder {

        private Consumer<PowerAuthEmulator.Builder> configuration = builder -> { };

        private Builder() {
        }

        /**
         * @param settings applied to the emulator builder before each start, after earlier settings
         * @return this
         */
        public Builder emulator(Consumer<PowerAuthEmulator.Builder> settings) {
            Objects.requireNonNull(settings, "settings");
            configuration = configuration.andThen(settings);
            return this;
        }

        /**
         * @param on activate on key exchange, with no commit step
         * @return this
         */
        public Builder commitOnKeyExchange(boolean on) {
            return emulator(builder -> builder.commitOnKeyExchange(on));
        }

        /** @return the extension */
        public PowerAuthEmulatorExtension build() {
            return new PowerAuthEmulatorExtension(configuration);
        }
    }
}
