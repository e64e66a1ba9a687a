/** End-to-end (ECIES) encryption of the host's own payloads, in application and activation scope. */
package org.opentokens.powerauth.token.application.internal.encryption;
