/**
 * The activation state shared by the activation and token services of one instance: the persisted record,
 * the lock that orders counter updates, and the generation number that tells in-flight work the activation
 * changed under it.
 */
package org.opentokens.powerauth.token.application.session;
