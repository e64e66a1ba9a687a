package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * The admin HTTP API under {@code /admin/}, mirroring the Java admin methods. Requests and responses are JSON;
 * responses are wrapped as {@code {"status":"OK","responseObject":...}}.
 *
 * <pre>
 * POST /admin/applications                          -> application (applicationId, appKey, appSecret, masterServerPublicKey)
 * POST /admin/applications/{applicationId}/activations -> activation code (activationId, activationCode, activationSignature, qrPayload)
 * GET  /admin/activations/{id}                      -> activation snapshot
 * GET  /admin/activations/{id}/tokens               -> tokens
 * POST /admin/activations/{id}/commit|block|unblock|remove -> activation snapshot
 * POST /admin/tokens/{tokenId}/remove               -> {"removed": true|false}
 * GET  /admin/clock                                 -> {"serverTime"}
 * POST /admin/clock {"offsetMs": n}                 -> {"serverTime"}
 * POST /admin/faults {"path", "type", "delayMs"?, "status"?, "body"?, "bytes"?} -> {"pending"}
 *      type: delay, reset, status, garbageJson, wrongEciesMac, wrongJwtSignature, oversizedBody
 * POST /admin/faults/clear                          -> {"pending": 0}
 * GET  /admin/exchanges                             -> [{"method","path","status","reason"}]
 * </pre>
 * Unknown IDs are 404 {@code ERR_NOT_FOUND}, state conflicts 409 {@code ERR_CONFLICT}, bad input 400
 * {@code ERR_VALIDATION}.
 */
final class AdminApi {

    private static final String PREFIX = "/admin/";

    private final PowerAuthEmulator emulator;

    AdminApi(PowerAuthEmulator emulator) {
        this.emulator = emulator;
    }

    static boolean owns(String path) {
        return path.startsWith(PREFIX);
    }

    EmulatorResponse handle(String method, String path, byte[] body) {
        String[] parts = path.substring(PREFIX.length()).split("/");
        try {
            return Json.ok(dispatch(method, parts, body));
        } catch (IllegalArgumentException e) {
            throw new EmulatorRejection(404, ErrorCodes.NOT_FOUND, e.getMessage());
        } catch (IllegalStateException e) {
            throw new EmulatorRejection(409, "ERR_CONFLICT", e.getMessage());
        }
    }

    private JsonNode dispatch(String method, String[] parts, byte[] body) {
        boolean post = method.equals("POST");
        boolean get = method.equals("GET");
        String route = parts[0];
        if (route.equals("applications") && post && parts.length == 1) {
            return tree(emulator.createApplication());
        }
        if (route.equals("applications") && post && parts.length == 3 && parts[2].equals("activations")) {
            return tree(emulator.initActivation(emulator.application(parts[1])));
        }
        if (route.equals("activations") && parts.length == 2 && get) {
            return tree(emulator.activation(parts[1]));
        }
        if (route.equals("activations") && parts.length == 3 && get && parts[2].equals("tokens")) {
            return tree(emulator.tokens(parts[1]));
        }
        if (route.equals("activations") && parts.length == 3 && post) {
            return activationAction(parts[1], parts[2]);
        }
        if (route.equals("tokens") && post && parts.length == 3 && parts[2].equals("remove")) {
            return Json.object().put("removed", emulator.removeToken(parts[1]));
        }
        if (route.equals("clock") && parts.length == 1 && (get || post)) {
            if (post) {
                JsonNode offset = Json.parseObject(body).get("offsetMs");
                if (offset == null || !offset.canConvertToLong()) {
                    throw EmulatorRejection.validation("Missing field: offsetMs");
                }
                emulator.setClockOffset(Duration.ofMillis(offset.asLong()));
            }
            return Json.object().put("serverTime", emulator.serverTimeMs());
        }
        if (route.equals("faults") && post && parts.length == 1) {
            FaultRequests.queue(emulator.faults(), Json.parseObject(body));
            return Json.object().put("pending", emulator.faults().pending());
        }
        if (route.equals("faults") && post && parts.length == 2 && parts[1].equals("clear")) {
            emulator.faults().clear();
            return Json.object().put("pending", 0);
        }
        if (route.equals("exchanges") && get && parts.length == 1) {
            return tree(emulator.exchanges());
        }
        throw new EmulatorRejection(404, ErrorCodes.NOT_FOUND, "Unknown admin path");
    }

    private JsonNode activationAction(String activationId, String action) {
        switch (action) {
            case "commit" -> emulator.commitActivation(activationId);
            case "block" -> emulator.blockActivation(activationId);
            case "unblock" -> emulator.unblockActivation(activationId);
            case "remove" -> emulator.removeActivation(activationId);
            default -> throw new EmulatorRejection(404, ErrorCodes.NOT_FOUND, "Unknown admin path");
        }
        return tree(emulator.activation(activationId));
    }

    private static JsonNode tree(Object value) {
        return Json.MAPPER.valueToTree(value);
    }

    /** Parses fault requests of the admin API. */
    static final class FaultRequests {

        private FaultRequests() {
        }

        static void queue(EmulatorFaults faults, JsonNode request) {
            String path = Json.requiredText(request, "path");
            String type = Json.requiredText(request, "type");
            try {
                switch (type) {
                    case "delay" -> faults.delay(path, Duration.ofMillis(number(request, "delayMs")));
                    case "reset" -> faults.reset(path);
                    case "status" -> faults.status(path, (int) number(request, "status"),
                            request.hasNonNull("body") ? request.get("body").asText() : "");
                    case "garbageJson" -> faults.garbageJson(path);
                    case "wrongEciesMac" -> faults.wrongEciesMac(path);
                    case "wrongJwtSignature" -> faults.wrongJwtSignature(path);
                    case "oversizedBody" -> faults.oversizedBody(path, (int) number(request, "bytes"));
                    default -> throw EmulatorRejection.validation("Unknown fault type: " + type);
                }
            } catch (IllegalArgumentException e) {
                throw EmulatorRejection.validation(e.getMessage());
            }
        }

        private static long number(JsonNode request, String field) {
            JsonNode value = request.get(field);
            if (value == null || !value.canConvertToLong()) {
                throw EmulatorRejection.validation("Missing field: " + field);
            }
            return value.asLong();
        }
    }
}
