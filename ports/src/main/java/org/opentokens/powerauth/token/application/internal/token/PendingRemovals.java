package org.opentokens.powerauth.token.application.internal.token;

import java.util.List;
import java.util.Optional;
import org.opentokens.powerauth.token.application.internal.instance.InstanceTransaction;
import org.opentokens.powerauth.token.application.internal.signature.ActivationSigner;
import org.opentokens.powerauth.token.application.internal.v4.V4ClientProtocol;
import org.opentokens.powerauth.token.domain.error.InvalidServerResponseException;
import org.opentokens.powerauth.token.domain.error.ServerRejectedException;
import org.opentokens.powerauth.token.domain.error.ServerUnreachableException;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.internal.record.PendingRemovalRecord;
import org.opentokens.powerauth.token.domain.internal.record.TokenRecord;
import org.opentokens.powerauth.token.port.in.PowerAuthAuthentication;
import org.opentokens.powerauth.token.port.internal.out.PowerAuthServer;

/**
 * Server-side token removals that are still owed (tombstones): retried inside a signed call's section, each as
 * its own token removal request signed with possession ({@code /pa/v3/token/remove}, or {@code /pa/v4/token/remove}
 * for a 4.0 activation), with its own counter step. A tombstone is
 * dropped when the server confirms the removal (it confirms a token it no longer has too), or when it belongs to
 * an activation other than the current one (the token ended with that activation). A retry stops at the first
 * server failure; the rest wait for the next signed call or flush.
 */
final class PendingRemovals {
    private final PowerAuthServer server;
    private final ActivationSigner signer;
    private final V4ClientProtocol v4;

    PendingRemovals(PowerAuthServer server, ActivationSigner signer, V4ClientProtocol v4) {
        this.server = server;
        this.signer = signer;
        this.v4 = v4;
    }

    /**
     * Before another signed call: retries what is owed, and lets a server failure pass silently (the call itself
     * then meets the same server).
     */
    void retryQuietly(InstanceTransaction tx, String activationId) {
        try {
            retry(tx, activationId);
        } catch (ServerUnreachableException | ServerRejectedException | InvalidServerResponseException e) {
            // The tombstones stay for a later signed call or flush.
        }
    }

    /**
     * @return how many removals the server confirmed
     * @throws ServerUnreachableException, ServerRejectedException or InvalidServerResponseException: the failure
     *     that stopped the retry; every removal not yet confirmed stays owed
     */
    int retry(InstanceTransaction tx, String activationId) {
        List<PendingRemovalRecord> owed = tx.pendingRemovals();
        if (owed.isEmpty()) {
            return 0;
        }
        int confirmed = 0;
        boolean isV4 = tx.activation().map(ActivationRecord::isV4).orElse(false);
        if (isV4 && v4 == null) {
            return 0;
        }
        PowerAuthAuthentication possession = PowerAuthAuthentication.possession();
        try {
            for (PendingRemovalRecord removal : owed) {
                if (!removal.activationId().equals(activationId)) {
                    tx.deletePendingRemoval(removal.tokenId());
                    continue;
                }
                if (isV4) {
                    v4.removeToken(tx, removal.tokenId(), possession);
                } else {
                    server.removeToken(removal.tokenId(),
                            signer.signerFor(tx, possession, TokenStoreService.REMOVE_URI_ID));
                }
                tx.deletePendingRemoval(removal.tokenId());
                dropLocalCopy(tx, removal);
                confirmed++;
            }
            return confirmed;
        } finally {
            possession.destroy();
        }
    }

    /** A crash between writing the tombstone and deleting the token may have left the token stored. */
    private static void dropLocalCopy(InstanceTransaction tx, PendingRemovalRecord removal) {
        Optional<TokenRecord> stored = tx.token(removal.tokenName());
        boolean same = stored.isPresent() && stored.get().tokenId().equals(removal.tokenId());
        stored.ifPresent(TokenRecord::destroy);
        if (same) {
            tx.deleteToken(removal.tokenName());
        }
    }
}
