/** The unchecked exception hierarchy shared by every layer. */
package org.opentokens.powerauth.token.domain.error;
