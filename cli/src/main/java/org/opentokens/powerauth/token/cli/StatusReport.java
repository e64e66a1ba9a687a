package org.opentokens.powerauth.token.cli;

import java.util.Map;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;

/**
 * The server's side of {@code status}: state, failed and remaining attempts, the counter as the library left it,
 * and what to do next when the state asks for it. The same facts go to the text and to {@code --json}.
 */
final class StatusReport {
    private StatusReport() {
    }

    static void add(PowerAuthActivationStatus status, String instance, Map<String, Object> json, StringBuilder human) {
        String nl = System.lineSeparator();
        String next = nextStep(status, instance);
        json.put("serverState", status.state().name());
        json.put("failedAttempts", status.failedAttempts());
        json.put("maxFailedAttempts", status.maxFailedAttempts());
        json.put("remainingAttempts", status.remainingAttempts());
        json.put("counterResynchronized", status.counterResynchronized());
        json.put("signSoon", status.signSoon());
        json.put("nextStep", next);
        human.append("Server says: ").append(status.state()).append(" (").append(status.failedAttempts())
                .append(" of ").append(status.maxFailedAttempts()).append(" failed attempts used)").append(nl)
                .append("Attempts:    ").append(status.failedAttempts()).append(" failed, ")
                .append(status.remainingAttempts()).append(" remaining before the server blocks the activation")
                .append(nl)
                .append("Counter:     ").append(counter(status)).append(nl);
        if (next != null) {
            human.append("Next step:   ").append(next).append(nl);
        }
    }

    private static String counter(PowerAuthActivationStatus status) {
        if (status.signSoon()) {
            return "ahead of the server; sign something soon (for example: powerauth-token token request NAME) "
                    + "to keep it usable";
        }
        if (status.counterResynchronized()) {
            return "resynchronized: it was behind the server and has been moved forward";
        }
        return "in step with the server";
    }

    /** @return what the user should do next, or null when nothing is needed */
    static String nextStep(PowerAuthActivationStatus status, String instance) {
        String option = "default".equals(instance) ? "" : " --instance " + instance;
        return switch (status.state()) {
            case REMOVED -> "the activation was removed on the server and its tokens deleted here. Remove it from "
                    + "this machine (powerauth-token activation remove --local" + option + "), then activate again "
                    + "with a new activation code.";
            case BLOCKED -> "the server blocked the activation (too many wrong passwords, or the back office). Ask "
                    + "the back office to unblock it; or remove it (powerauth-token activation remove --local"
                    + option + ") and activate again with a new activation code.";
            case PENDING_COMMIT, CREATED -> "the back office has not committed the activation yet; tokens can be "
                    + "requested once it has.";
            case ACTIVE -> null;
        };
    }
}
