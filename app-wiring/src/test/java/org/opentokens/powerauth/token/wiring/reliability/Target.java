package org.opentokens.powerauth.token.wiring.reliability;

import java.util.EnumSet;
import java.util.Set;

/** Every endpoint the client calls, with whether its call is signed (and so steps the counter before it leaves). */
enum Target {
    SERVER_STATUS("/pa/v3/status", false),
    KEYSTORE("/pa/v3/keystore/create", false),
    ACTIVATION_CREATE("/pa/v3/activation/create", false),
    ACTIVATION_STATUS("/pa/v3/activation/status", false),
    ACTIVATION_REMOVE("/pa/v3/activation/remove", true),
    TOKEN_CREATE("/pa/v3/token/create", true),
    TOKEN_REMOVE("/pa/v3/token/remove", true);

    private final String path;
    private final boolean signed;

    Target(String path, boolean signed) {
        this.path = path;
        this.signed = signed;
    }

    String path() {
        return path;
    }

    boolean signed() {
        return signed;
    }

    /** @return the faults that make sense here: the generic ones, plus MAC or JWT where the answer carries one */
    Set<FaultKind> faults() {
        Set<FaultKind> kinds = EnumSet.range(FaultKind.TIMEOUT, FaultKind.GARBAGE_JSON);
        if (this == ACTIVATION_CREATE || this == TOKEN_CREATE) {
            kinds.add(FaultKind.WRONG_ECIES_MAC);
        }
        if (this == KEYSTORE) {
            kinds.add(FaultKind.WRONG_JWT_SIGNATURE);
        }
        return kinds;
    }
}
