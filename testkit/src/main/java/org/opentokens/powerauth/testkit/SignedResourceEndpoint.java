package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.getlime.security.powerauth.http.PowerAuthRequestCanonizationUtils;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A host's own endpoint protected by {@code X-PowerAuth-Authorization}, as {@code @PowerAuth(resourceId = …)}
 * protects one: {@code /api/signed<uriId>} with any method verifies the signature for resource id
 * {@code <uriId>} (so {@code POST /api/signed/api/payment} is the endpoint {@code /api/payment}), over the exact
 * body, or for a GET over the canonicalized query (Wultra's {@code PowerAuthRequestCanonizationUtils}). Any
 * possession-based signature type is accepted. The counter and failed-attempt rules are those of
 * {@link SignatureVerifier}. On success it answers
 * {@code {"status":"OK","responseObject":{"activationId","signatureType","uriId"}}}.
 */
final class SignedResourceEndpoint {

    private final SignatureVerifier verifier;

    SignedResourceEndpoint(SignatureVerifier verifier) {
        this.verifier = verifier;
    }

    static boolean owns(String path) {
        return path.startsWith(PowerAuthEmulator.SIGNED_RESOURCE_PREFIX + "/");
    }

    EmulatorResponse handle(EmulatorRequest request, String path) {
        String uriId = path.substring(PowerAuthEmulator.SIGNED_RESOURCE_PREFIX.length());
        byte[] signed = request.body();
        if (request.method().toUpperCase(Locale.ROOT).equals("GET")) {
            int query = request.path().indexOf('?');
            String canonical = query < 0 ? null
                    : PowerAuthRequestCanonizationUtils.canonizeGetParameters(request.path().substring(query + 1));
            signed = canonical == null || canonical.isEmpty() ? null : canonical.getBytes(StandardCharsets.UTF_8);
        }
        SignatureVerifier.Verified verified = verifier.verify(request, uriId, SignatureVerifier.POSSESSION_BASED,
                signed);
        ObjectNode responseObject = Json.object();
        responseObject.put("activationId", verified.activation().activationId());
        responseObject.put("signatureType", verified.signatureType());
        responseObject.put("uriId", uriId);
        return Json.ok(responseObject);
    }
}
