package org.opentokens.powerauth.token.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Key;
import com.google.inject.multibindings.OptionalBinder;
import java.time.Clock;
import java.util.Objects;
import org.opentokens.powerauth.token.port.out.MonotonicClock;
import org.opentokens.powerauth.token.port.out.RandomSource;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * The Guice module of the PowerAuth client for one instance, over HTTP; what a host installs to get the client.
 *
 * <p><b>Exposes</b> singletons of {@link PowerAuthClient}, {@link org.opentokens.powerauth.token.port.in.PowerAuthTokenStore},
 * {@link org.opentokens.powerauth.token.port.in.ActivationUseCase}, {@link org.opentokens.powerauth.token.port.in.EncryptionUseCase},
 * {@link org.opentokens.powerauth.token.port.in.RecoveryUseCase} and {@link org.opentokens.powerauth.token.port.in.TimeSynchronization},
 * with optional slots for {@code @PowerAuthClock Clock} ({@link #clockBinder}), {@link RandomSource}
 * ({@link #randomSourceBinder}) and {@link MonotonicClock} ({@link #monotonicClockBinder}). <b>Requires</b> a
 * {@link SecureStorage} binding from exactly one storage module such as {@link InMemoryStorageModule}; without one
 * the injector fails at creation. For several instances, install each module with its own instance id in its own
 * {@link com.google.inject.PrivateModule} exposing the client under a binding annotation (README); never run two live
 * clients with the same instance id over the same storage, since each caches what it stored. Neither
 * {@code configure} nor building the injector does I/O.
 */
public final class PowerAuthTokenModule extends AbstractModule {
    private static final String MISSING_STORAGE_HINT = "PowerAuthTokenModule requires a SecureStorage binding: "
            + "install one storage module, such as InMemoryStorageModule, in the same injector";
    private final PowerAuthClientConfig config;

    /** @param config the instance's settings */
    public PowerAuthTokenModule(PowerAuthClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /**
     * @param binder the binder of a module in the same injector (or private module) as this one
     * @return the slot of the clock the client reads local time from (default: {@code Clock.systemUTC()}); call
     *     {@code setBinding()} to replace it
     */
    public static OptionalBinder<Clock> clockBinder(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, Key.get(Clock.class, PowerAuthClock.class));
    }

    /**
     * @param binder the binder of a module in the same injector (or private module) as this one
     * @return the slot of the client's randomness (nonces, keys, challenges; default: one shared
     *     {@code SecureRandom}); call {@code setBinding()} to replace it
     */
    public static OptionalBinder<RandomSource> randomSourceBinder(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, RandomSource.class);
    }

    /**
     * @param binder the binder of a module in the same injector (or private module) as this one
     * @return the slot of the steady clock and boot identity that the stored time offset is checked against
     *     (default: {@code System.nanoTime} and, on Linux, the kernel's boot id); {@link MonotonicClock#UNKNOWN_BOOT}
     *     makes every process synchronize with the server
     */
    public static OptionalBinder<MonotonicClock> monotonicClockBinder(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, MonotonicClock.class);
    }

    @Override
    protected void configure() {
        // What requireBinding(SecureStorage.class) does, with a hint as the source of the requirement.
        binder().withSource(MISSING_STORAGE_HINT).getProvider(SecureStorage.class);
        clockBinder(binder()).setDefault().toInstance(Clock.systemUTC());
        randomSourceBinder(binder()).setDefault().toInstance(SharedRandomSource.INSTANCE);
        monotonicClockBinder(binder()).setDefault().toInstance(SystemMonotonicClock.INSTANCE);
        install(new ClientServicesModule(config));
    }

    @Override
    public String toString() {
        return "PowerAuthTokenModule[" + config.instanceId() + "]";
    }
}
