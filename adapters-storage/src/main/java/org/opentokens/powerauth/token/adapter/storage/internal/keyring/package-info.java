/** Internal: the libsecret schema structure the keyring adapter hands to JNA (JNA needs it public). Not API. */
package org.opentokens.powerauth.token.adapter.storage.internal.keyring;
