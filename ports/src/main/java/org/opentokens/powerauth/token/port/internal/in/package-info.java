/** Internal: helpers of the inbound ports, such as the rules for host-chosen names. Not API. */
package org.opentokens.powerauth.token.port.internal.in;
