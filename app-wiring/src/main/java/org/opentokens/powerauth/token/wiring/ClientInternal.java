package org.opentokens.powerauth.token.wiring;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.google.inject.BindingAnnotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Qualifies the client's internal bindings (the HTTP adapter's ports, the instance state, the executor). Package-private,
 * so no host module can bind or request these keys and none of them can clash with a host binding.
 */
@BindingAnnotation
@Retention(RUNTIME)
@Target({FIELD, PARAMETER, METHOD})
@interface ClientInternal {
}
