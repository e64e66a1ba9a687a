package org.opentokens.powerauth.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request to its endpoint, applies injected faults, turns rejections into PowerAuth error bodies and
 * logs the exchange with the reason of an authentication failure. Unknown paths are 404 {@code ERR_NOT_FOUND},
 * wrong methods 405, bodies over the size limit 400 {@code ERR_VALIDATION}, unexpected failures 500
 * {@code ERR_INTERNAL}.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final EmulatorState state;
    private final EmulatorFaults faults;
    private final ExchangeLog log;
    private final KeystoreEndpoint keystore;
    private final ActivationCreateEndpoint activationCreate;
    private final ActivationStatusEndpoint activationStatus;
    private final SignedEndpoints signed;
    private final SignatureVerifier verifier;
    private final SignedResourceEndpoint signedResource;
    private final VaultEndpoint vault;
    private final ProtectedResourceEndpoint resource;
    private final ProtectedResourceEndpoint possessionResource;
    private final AdminApi admin;
    private final V4KeystoreEndpoint v4Keystore;
    private final V4ActivationCreateEndpoint v4ActivationCreate;
    private final V4ActivationStatusEndpoint v4ActivationStatus;
    private final V4SignedEndpoints v4Signed;
    private final EncryptedEchoEndpoint applicationEcho;
    private final EncryptedEchoEndpoint activationEcho;
    private final RecoveryConfirmEndpoint recoveryConfirm;

    Dispatcher(EmulatorState state, EmulatorFaults faults, ExchangeLog log, AdminApi admin) {
        this.state = state;
        this.faults = faults;
        this.log = log;
        this.admin = admin;
        Ecies ecies = new Ecies(state);
        this.keystore = new KeystoreEndpoint(state);
        this.activationCreate = new ActivationCreateEndpoint(state, ecies);
        this.activationStatus = new ActivationStatusEndpoint(state);
        this.verifier = new SignatureVerifier(state);
        this.signed = new SignedEndpoints(state, verifier, ecies);
        this.signedResource = new SignedResourceEndpoint(verifier);
        this.vault = new VaultEndpoint(state, verifier, ecies);
        this.recoveryConfirm = new RecoveryConfirmEndpoint(state, verifier, ecies);
        this.resource = new ProtectedResourceEndpoint(state, state.config().resourceSignatureTypes());
        this.possessionResource = new ProtectedResourceEndpoint(state, EmulatorConfig.POSSESSION_TYPES);
        V4Aead aead = new V4Aead(state);
        this.v4Keystore = new V4KeystoreEndpoint(state);
        this.v4ActivationCreate = new V4ActivationCreateEndpoint(state, aead);
        this.v4ActivationStatus = new V4ActivationStatusEndpoint(state, aead);
        this.v4Signed = new V4SignedEndpoints(state, new V4AuthCodeVerifier(state), aead);
        this.applicationEcho = new EncryptedEchoEndpoint(state, ecies,
                io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorScope.APPLICATION_SCOPE);
        this.activationEcho = new EncryptedEchoEndpoint(state, ecies,
                io.getlime.security.powerauth.crypto.lib.encryptor.model.EncryptorScope.ACTIVATION_SCOPE);
    }

    SignatureVerifier verifier() {
        return verifier;
    }

    /** In process: a trickled answer arrives after its trickle time. */
    EmulatorResponse handle(EmulatorRequest request) {
        Served served = serve(request);
        sleep(served.trickle());
        return served.response();
    }

    /** The answer and how the HTTP front end sends it. */
    Served serve(EmulatorRequest request) {
        String path = stripQuery(request.path());
        String method = request.method().toUpperCase(Locale.ROOT);
        Fault fault = faults.take(path, AdminApi.owns(path));
        Outcome outcome;
        try {
            outcome = withFault(fault, request, method, path);
        } catch (EmulatorConnectionResetException e) {
            log.record(method, path, 0, null);
            LOG.debug("{} {} -> connection reset (injected)", method, path);
            throw e;
        }
        EmulatorResponse response = outcome.response();
        log.record(method, path, response.status(), outcome.reason());
        if (outcome.reason() == null) {
            LOG.debug("{} {} -> {}", method, path, response.status());
        } else {
            LOG.debug("{} {} -> {} ({})", method, path, response.status(), outcome.reason());
        }
        boolean slow = fault != null && fault.kind() == Fault.Kind.SLOW_BODY;
        return new Served(response, slow ? fault.delay() : Duration.ZERO);
    }

    /** A response and, for a refused token or signature check, why. */
    private record Outcome(EmulatorResponse response, EmulatorAuthFailure reason) {
        Outcome(EmulatorResponse response) {
            this(response, null);
        }
    }

    private Outcome withFault(Fault fault, EmulatorRequest request, String method, String path) {
        if (fault == null) {
            return route(request, method, path);
        }
        switch (fault.kind()) {
            case DELAY -> sleep(fault.delay());
            case RESET -> throw new EmulatorConnectionResetException(path);
            case HOLD_REQUEST -> fault.gate().pass(path);
            case STATUS -> {
                return new Outcome(FaultEffects.status(fault));
            }
            case GARBAGE_JSON -> {
                return new Outcome(FaultEffects.garbageJson());
            }
            case OVERSIZED_BODY -> {
                return new Outcome(FaultEffects.oversized(fault));
            }
            default -> {
                // the remaining faults change a normal response
            }
        }
        Outcome outcome = route(request, method, path);
        if (fault.kind() == Fault.Kind.HOLD_RESPONSE) {
            fault.gate().pass(path);
        }
        return switch (fault.kind()) {
            case WRONG_ECIES_MAC -> new Outcome(FaultEffects.wrongEciesMac(outcome.response()), outcome.reason());
            case WRONG_JWT_SIGNATURE -> new Outcome(FaultEffects.wrongJwtSignature(outcome.response()),
                    outcome.reason());
            default -> outcome;
        };
    }

    private Outcome route(EmulatorRequest request, String method, String path) {
        try {
            return new Outcome(endpoint(request, method, path));
        } catch (EmulatorRejection e) {
            return new Outcome(Json.error(e.status(), e.code(), e.getMessage()), e.reason());
        } catch (RuntimeException e) {
            LOG.warn("{} {} failed inside the emulator: {}", method, path, e.getClass().getName());
            return new Outcome(Json.error(500, ErrorCodes.INTERNAL, "Internal emulator error"));
        }
    }

    private EmulatorResponse endpoint(EmulatorRequest request, String method, String path) {
        if (request.body().length > state.config().maxRequestBytes()) {
            throw EmulatorRejection.validation("Request body too large");
        }
        if (AdminApi.owns(path)) {
            return admin.handle(method, path, request.body());
        }
        if (path.equals(PowerAuthEmulator.RESOURCE_PATH)
                || path.equals(PowerAuthEmulator.POSSESSION_RESOURCE_PATH)) {
            if (!method.equals("GET") && !method.equals("POST")) {
                throw methodNotAllowed();
            }
            return (path.equals(PowerAuthEmulator.RESOURCE_PATH) ? resource : possessionResource)
                    .handle(request);
        }
        if (path.startsWith("/pa/v4/")) {
            return v4(request, method, path);
        }
        if (SignedResourceEndpoint.owns(path)) {
            return signedResource.handle(request, path);
        }
        if (path.equals(PowerAuthEmulator.ECIES_APPLICATION_PATH)
                || path.equals(PowerAuthEmulator.ECIES_ACTIVATION_PATH)) {
            if (!method.equals("POST")) {
                throw methodNotAllowed();
            }
            return (path.equals(PowerAuthEmulator.ECIES_APPLICATION_PATH) ? applicationEcho : activationEcho)
                    .handle(request);
        }
        if (!path.startsWith("/pa/v3/")) {
            throw new EmulatorRejection(404, ErrorCodes.NOT_FOUND, "Unknown path");
        }
        if (!method.equals("POST")) {
            throw methodNotAllowed();
        }
        if (!state.config().servesV3() && !path.equals("/pa/v3/status")) {
            throw v3Refused(path);
        }
        return switch (path) {
            case "/pa/v3/status" -> status();
            case "/pa/v3/keystore/create" -> keystore.handle(request);
            case "/pa/v3/activation/create" -> activationCreate.handle(request);
            case "/pa/v3/activation/status" -> activationStatus.handle(request);
            case "/pa/v3/activation/remove" -> signed.removeActivation(request);
            case "/pa/v3/token/create" -> signed.createToken(request);
            case "/pa/v3/token/remove" -> signed.removeToken(request);
            case "/pa/v3/signature/validate" -> signed.validateSignature(request);
            case "/pa/v3/vault/unlock" -> vault.unlock(request);
            case "/pa/v3/recovery/confirm" -> recoveryConfirm.handle(request);
            default -> throw new EmulatorRejection(404, ErrorCodes.NOT_FOUND, "Unknown path");
        };
    }

    private EmulatorResponse v4(EmulatorRequest request, String method, String path) {
        if (path.equals("/pa/v4/auth/validate")) {
            if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
                throw methodNotAllowed();
            }
            return v4Signed.validate(request);
        }
        if (!method.equals("POST")) {
            throw methodNotAllowed();
        }
        return switch (path) {
            case "/pa/v4/status" -> v4Status();
            case "/pa/v4/keystore/create" -> v4Keystore.handle(request);
            case "/pa/v4/activation/create" -> v4ActivationCreate.handle(request);
            case "/pa/v4/activation/status" -> v4ActivationStatus.handle(request);
            case "/pa/v4/activation/confirm" -> v4Signed.confirmActivation(request);
            case "/pa/v4/activation/remove" -> v4Signed.removeActivation(request);
            case "/pa/v4/token/create" -> v4Signed.createToken(request);
            case "/pa/v4/token/remove" -> v4Signed.removeToken(request);
            default -> throw new EmulatorRejection(404, ErrorCodes.NOT_FOUND, "Unknown path");
        };
    }

    /**
     * What a deployment with {@code minSupportedProtocolVersion=4} answers to a 3.x endpoint: the integration
     * library's generic error of that endpoint (PowerAuth Server itself logs {@code ERR0047}).
     */
    private EmulatorRejection v3Refused(String path) {
        return switch (path) {
            case "/pa/v3/keystore/create" -> EmulatorRejection.temporaryKey();
            case "/pa/v3/activation/create", "/pa/v3/activation/status" -> EmulatorRejection.activation();
            default -> state.signatureFailure(EmulatorAuthFailure.PROTOCOL_VERSION_NOT_SUPPORTED);
        };
    }

    private EmulatorResponse v4Status() {
        ObjectNode responseObject = Json.object().put("serverTime", state.serverTimeMs());
        ArrayNode algorithms = responseObject.putArray("supportedAlgorithms");
        for (String algorithm : List.of("EC_P384", "EC_P384_ML_L3", "EC_P384_ML_L5")) {
            algorithms.add(algorithm);
        }
        responseObject.putObject("application").put("name", "powerauth-emulator").put("version", "2.0.1");
        return Json.ok(responseObject);
    }

    private EmulatorResponse status() {
        ObjectNode responseObject = Json.object().put("serverTime", state.serverTimeMs());
        responseObject.putObject("application").put("name", "powerauth-emulator").put("version", "1.10.0");
        return Json.ok(responseObject);
    }

    private static EmulatorRejection methodNotAllowed() {
        return new EmulatorRejection(405, ErrorCodes.METHOD_NOT_ALLOWED, "Method not allowed");
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String stripQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
