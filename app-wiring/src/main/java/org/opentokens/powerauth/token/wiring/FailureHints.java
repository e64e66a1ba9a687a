package org.opentokens.powerauth.token.wiring;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.opentokens.powerauth.token.domain.PowerAuthSignatureType;
import org.opentokens.powerauth.token.domain.error.RejectionHints;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.port.in.PowerAuthActivationStatus;

/**
 * Adds a {@link RejectionHints hint} to a failed signed call, where a real deployment's uniform answer leaves the
 * user guessing: a 401 to a password-signed call (the password may be wrong, and how many attempts remain), and
 * {@code ERR_TEMPORARY_KEY} on a token request (the back office may not have committed the activation yet). Both
 * ask the server for the activation status first, a single unsigned call that the server just showed it answers;
 * if that call fails the hint says less. Other failures pass unchanged.
 */
final class FailureHints {
    static final String TEMPORARY_KEY_ERROR = "ERR_TEMPORARY_KEY";

    private final Supplier<CompletableFuture<PowerAuthActivationStatus>> status;

    /** @param status fetches the activation status (the undecorated activation service's) */
    FailureHints(Supplier<CompletableFuture<PowerAuthActivationStatus>> status) {
        this.status = status;
    }

    /**
     * @param call the signed call's future
     * @param factors the factors it was signed with
     * @param tokenRequest true for a token request, where {@code ERR_TEMPORARY_KEY} gets the commit hint
     * @return a future with the call's outcome, its failure explained; cancelling it cancels {@code call}
     */
    <T> CompletableFuture<T> explain(CompletableFuture<T> call, PowerAuthSignatureType factors,
            boolean tokenRequest) {
        CompletableFuture<T> result = new CompletableFuture<>();
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.cancel(false);
            }
        });
        call.whenComplete((value, failure) -> {
            if (failure == null) {
                result.complete(value);
                return;
            }
            Kind kind = kind(unwrap(failure), factors, tokenRequest);
            if (kind == Kind.NONE) {
                result.completeExceptionally(failure);
                return;
            }
            ServerRejectedException rejected = (ServerRejectedException) unwrap(failure);
            fetchStatus().whenComplete((current, statusFailure) -> result.completeExceptionally(
                    withHint(rejected, kind, statusFailure == null ? current : null)));
        });
        return result;
    }

    private enum Kind { NONE, PASSWORD, NOT_COMMITTED }

    private static Kind kind(Throwable failure, PowerAuthSignatureType factors, boolean tokenRequest) {
        if (!(failure instanceof ServerRejectedException rejected)) {
            return Kind.NONE;
        }
        if (rejected.httpStatus() == 401 && factors.usesKnowledge()) {
            return Kind.PASSWORD;
        }
        if (tokenRequest && rejected.hasErrorCode(TEMPORARY_KEY_ERROR)) {
            return Kind.NOT_COMMITTED;
        }
        return Kind.NONE;
    }

    private CompletableFuture<PowerAuthActivationStatus> fetchStatus() {
        try {
            return status.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable withHint(ServerRejectedException rejected, Kind kind, PowerAuthActivationStatus status) {
        String hint = hint(kind, status);
        return hint == null ? rejected : rejected.withHint(hint);
    }

    private static String hint(Kind kind, PowerAuthActivationStatus status) {
        if (status == null) {
            return kind == Kind.PASSWORD ? RejectionHints.passwordMayBeWrong() : RejectionHints.notCommittedYet(false);
        }
        return switch (status.state()) {
            case PENDING_COMMIT, CREATED -> RejectionHints.notCommittedYet(true);
            case BLOCKED -> RejectionHints.activationBlocked();
            case REMOVED -> RejectionHints.activationRemoved();
            case ACTIVE -> kind == Kind.PASSWORD
                    ? RejectionHints.passwordMayBeWrong(status.remainingAttempts(), status.maxFailedAttempts())
                    : null;
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable current = failure;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
