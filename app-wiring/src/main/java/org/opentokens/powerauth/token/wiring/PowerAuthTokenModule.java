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
 * The PowerAuth client for one instance, over HTTP.
 *
 * <p><b>Exposes</b> (all singletons): {@link PowerAuthClient}, {@link org.opentokens.powerauth.token.port.in.PowerAuthTokenStore},
 * {@link org.opentokens.powerauth.token.port.in.ActivationUseCase}, {@link org.opentokens.powerauth.token.port.in.EncryptionUseCase}, {@link org.opentokens.powerauth.token.port.in.RecoveryUseCase} and
 * {@link org.opentokens.powerauth.token.port.in.TimeSynchronization}, plus two optional slots:
 * {@code @PowerAuthClock Clock} (default {@code Clock.systemUTC()}) and {@link RandomSource} (default: one
 * shared {@code SecureRandom}). The HTTP adapter, the instance state and the worker threads stay private. A third
 * slot, {@link MonotonicClock} ({@link #monotonicClockBinder}), decides with the clock whether a server time
 * offset stored by an earlier process may be used without a server call.
 *
 * <p><b>Requires</b> a {@link SecureStorage} binding, from exactly one storage module such as
 * {@link InMemoryStorageModule}; without one the injector fails at creation. To replace a slot, call
 * {@link #clockBinder(Binder)} or {@link #randomSourceBinder(Binder)} and {@code setBinding()} in a module of the
 * same injector (or of the same private module, see below).
 *
 * <p><b>Several instances</b>: install each module, with its own instance id, inside its own
 * {@link com.google.inject.PrivateModule} that exposes the client under a binding annotation; a storage binding
 * outside them is shared, and the instance ids keep their data apart:
 * <pre>{@code
 * new PrivateModule() {
 *     protected void configure() {
 *         install(new PowerAuthTokenModule(aliceConfig));
 *         bind(PowerAuthClient.class).annotatedWith(Names.named("alice")).to(PowerAuthClient.class);
 *         expose(PowerAuthClient.class).annotatedWith(Names.named("alice"));
 *     }
 * }
 * }</pre>
 * Never run two live clients with the same instance id over the same storage: each caches what it stored.
 *
 * <p>{@code configure} does no I/O, and neither does building the injector: nothing talks to the server before
 * the first call.
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
     * @return the slot of the clock the client reads local time from; call {@code setBinding()} to replace it
     */
    public static OptionalBinder<Clock> clockBinder(Binder binder) {
        return OptionalBinder.newOptionalBinder(binder, Key.get(Clock.class, PowerAuthClock.class));
    }

    /**
     * @param binder the binder of a module in the same injector (or private module) as this one
     * @return the slot of the client's randomness (nonces, keys, challenges); call {@code setBinding()} to
     *     replace it
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
