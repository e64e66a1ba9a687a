/** Recovery codes of the committed activation: confirmation on the server. */
package org.opentokens.powerauth.token.application.internal.recovery;
