/** Steps the app-wiring test beds (end to end, reliability, hygiene) share. */
package org.opentokens.powerauth.token.wiring.testing;
