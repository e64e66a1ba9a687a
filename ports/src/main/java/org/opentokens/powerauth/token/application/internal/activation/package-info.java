/** The activation lifecycle: create with an activation code, commit locally, status with counter resync, remove. */
package org.opentokens.powerauth.token.application.internal.activation;
