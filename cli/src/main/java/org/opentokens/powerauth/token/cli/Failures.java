package org.opentokens.powerauth.token.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.opentokens.powerauth.token.domain.error.ActivationStateException;
import org.opentokens.powerauth.token.domain.error.FeatureNotSupportedException;
import org.opentokens.powerauth.token.domain.error.InvalidActivationCodeException;
import org.opentokens.powerauth.token.domain.error.InvalidPublicKeyException;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.MissingActivationException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.error.StorageException;
import org.opentokens.powerauth.token.domain.error.TimeNotSynchronizedException;
import org.opentokens.powerauth.token.domain.error.TokenFactorMismatchException;
import org.opentokens.powerauth.token.domain.error.TokenNotFoundException;
import org.opentokens.powerauth.token.domain.error.WrongPasswordException;

/** Turns what a command threw into an exit code and a message; the library's messages carry no secrets. */
final class Failures {
    private Failures() {
    }

    /** An exit code and what to tell the user. */
    record Failure(int exitCode, String message) {
    }

    static Failure classify(Throwable thrown) {
        Throwable e = unwrap(thrown);
        if (e instanceof CliException cli) {
            return new Failure(cli.exitCode(), cli.getMessage());
        }
        if (e instanceof TimeNotSynchronizedException && e.getCause() != null
                && !(unwrap(e.getCause()) instanceof TimeNotSynchronizedException)) {
            Failure cause = classify(e.getCause());
            if (cause.exitCode() != ExitCodes.UNEXPECTED) {
                return new Failure(cause.exitCode(), "cannot synchronize time with the server: " + cause.message());
            }
        }
        return new Failure(exitCode(e), describe(e));
    }

    private static int exitCode(Throwable e) {
        if (e instanceof ServerRejectedException || e instanceof InvalidServerResponseException
                || e instanceof WrongPasswordException) {
            return ExitCodes.SERVER_REJECTED;
        }
        if (e instanceof ServerUnreachableException || e instanceof TimeNotSynchronizedException) {
            return ExitCodes.SERVER_UNREACHABLE;
        }
        if (e instanceof MissingActivationException || e instanceof ActivationStateException
                || e instanceof FeatureNotSupportedException) {
            return ExitCodes.ACTIVATION;
        }
        if (e instanceof TokenNotFoundException) {
            return ExitCodes.TOKEN_NOT_FOUND;
        }
        if (e instanceof StorageException || e instanceof UncheckedIOException) {
            return ExitCodes.STORAGE;
        }
        if (e instanceof TokenFactorMismatchException || e instanceof MalformedDataException
                || e instanceof InvalidActivationCodeException || e instanceof InvalidPublicKeyException
                || e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.UNEXPECTED;
    }

    private static String describe(Throwable e) {
        if (e instanceof ServerRejectedException rejected) {
            return "the server rejected the request: HTTP " + rejected.httpStatus()
                    + rejected.errorCode().map(code -> ", code " + code).orElse("")
                    + rejected.hint().map(hint -> ". " + hint).orElse("");
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return exitCode(e) == ExitCodes.UNEXPECTED ? e.getClass().getSimpleName() + ": " + message : message;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
