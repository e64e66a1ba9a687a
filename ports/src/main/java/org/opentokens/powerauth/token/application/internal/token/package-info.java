/** The token store: cached, persisted tokens bound to their activation, single-flight creation, headers. */
package org.opentokens.powerauth.token.application.internal.token;
