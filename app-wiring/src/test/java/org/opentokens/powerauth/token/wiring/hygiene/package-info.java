/**
 * Secret hygiene and replay/skew checks of the reliability suite (issue 7): the e2e suite at TRACE scanned for
 * secrets in logs, exception messages and {@code toString}s, the SQLite files scanned for them, wiping of
 * passwords and keys, a burst of headers each accepted once, and headers from a client clock skewed by an hour.
 */
package org.opentokens.powerauth.token.wiring.hygiene;
