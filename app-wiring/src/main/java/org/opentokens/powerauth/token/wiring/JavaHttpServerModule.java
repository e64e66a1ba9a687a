package org.opentokens.powerauth.token.wiring;

import com.google.inject.Key;
import com.google.inject.PrivateModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.util.Objects;
import org.opentokens.powerauth.token.adapter.http.internal.HttpServerConfig;
import org.opentokens.powerauth.token.adapter.http.internal.JacksonJsonCodec;
import org.opentokens.powerauth.token.adapter.http.internal.JavaHttpPowerAuthServer;
import org.opentokens.powerauth.token.port.internal.out.JsonCodec;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServerV4;

/**
 * The HTTP adapter ({@code java.net.http} and Jackson) as a private module.
 *
 * <p>Exposes only {@code @ClientInternal PowerAuthServer}, its {@code /pa/v4} view
 * {@code @ClientInternal PowerAuthServerV4} and {@code @ClientInternal JsonCodec}; the
 * {@code HttpClient} and the Jackson mapper stay inside the adapter. Requires nothing. Installed by
 * {@link PowerAuthTokenModule}.
 */
final class JavaHttpServerModule extends PrivateModule {
    private final HttpServerConfig config;

    JavaHttpServerModule(HttpServerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    protected void configure() {
        expose(Key.get(PowerAuthServer.class, ClientInternal.class));
        expose(Key.get(PowerAuthServerV4.class, ClientInternal.class));
        expose(Key.get(JsonCodec.class, ClientInternal.class));
    }

    @Provides
    @Singleton
    @ClientInternal
    JavaHttpPowerAuthServer http() {
        return new JavaHttpPowerAuthServer(config);
    }

    @Provides
    @Singleton
    @ClientInternal
    PowerAuthServer server(@ClientInternal JavaHttpPowerAuthServer http) {
        return http;
    }

    @Provides
    @Singleton
    @ClientInternal
    PowerAuthServerV4 serverV4(@ClientInternal JavaHttpPowerAuthServer http) {
        return http.v4();
    }

    @Provides
    @Singleton
    @ClientInternal
    JsonCodec json() {
        return new JacksonJsonCodec();
    }
}
