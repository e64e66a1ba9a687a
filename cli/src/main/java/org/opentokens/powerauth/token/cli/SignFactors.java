package org.opentokens.powerauth.token.cli;

import java.util.Arrays;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;

/** The factors a signed command can use from the command line, and how to get the password for them. */
enum SignFactors {
    /** Possession only: the device key. */
    POSSESSION,
    /** Possession and knowledge: the device key and the password. */
    POSSESSION_KNOWLEDGE;

    /** @return the authentication, reading the password when these factors need it */
    PowerAuthAuthentication authentication(CliEnvironment env, boolean passwordStdin) {
        if (this == POSSESSION) {
            return PowerAuthAuthentication.possession();
        }
        char[] password = SecretInput.password(env, passwordStdin, "Password: ");
        try {
            return PowerAuthAuthentication.possessionWithPassword(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
