package org.opentokens.powerauth.token.wiring;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.google.inject.BindingAnnotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Qualifies the {@link java.time.Clock} the PowerAuth client reads local time from, so that it never clashes with
 * a host's own {@code Clock} binding. {@link PowerAuthTokenModule} binds {@code Clock.systemUTC()} by default;
 * replace it with {@link PowerAuthTokenModule#clockBinder(com.google.inject.Binder)}.
 */
@BindingAnnotation
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
public @interface PowerAuthClock {
}
