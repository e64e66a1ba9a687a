/** Typed reading of decoded JSON payloads; every missing or mistyped field is an invalid server response. */
package org.opentokens.powerauth.token.application.internal.json;
