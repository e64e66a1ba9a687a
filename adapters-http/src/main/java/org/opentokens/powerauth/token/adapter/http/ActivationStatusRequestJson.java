package org.opentokens.powerauth.token.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The activation status request payload; {@code challenge} is left out for protocol 3.0. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"activationId", "challenge"})
record ActivationStatusRequestJson(String activationId, String challenge) {
}
