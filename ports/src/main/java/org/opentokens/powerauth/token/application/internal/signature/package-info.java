/** PowerAuth signatures of the committed activation, computed inside the instance's exclusive section. */
package org.opentokens.powerauth.token.application.internal.signature;
