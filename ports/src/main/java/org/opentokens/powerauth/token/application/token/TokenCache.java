package org.opentokens.powerauth.token.application.token;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opentokens.powerauth.token.application.session.ActivationSession;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.record.TokenRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;

/**
 * The in-memory view of the stored tokens, loaded from storage on first use.
 *
 * <p>Only tokens of the current usable activation are visible; records of any other activation are stale and are
 * deleted when seen. Changes run under the session lock and write storage first, then publish a new immutable
 * snapshot, so memory never holds what storage lacks. Reads of a loaded snapshot take no lock.
 *
 * <p>A record that leaves the cache (removed, replaced, stale, or dropped with its activation) is destroyed once
 * the new snapshot is published, so its secret and prepared HMAC pads are wiped rather than left to the garbage
 * collector. A lock-free reader that still holds it gets {@link IllegalStateException} from it, which
 * {@link TokenStoreService} turns into {@link org.opentokens.powerauth.token.port.in.TokenNotFoundException}.
 */
final class TokenCache {
    private final ActivationSession session;
    private final SecureStorage storage;
    private volatile Map<String, TokenRecord> snapshot;

    TokenCache(ActivationSession session) {
        this.session = session;
        this.storage = session.storage();
    }

    static String entry(String tokenName) {
        return ActivationSession.TOKEN_ENTRY_PREFIX + tokenName;
    }

    Optional<TokenRecord> get(String tokenName) {
        Map<String, TokenRecord> current = snapshot;
        Optional<ActivationRecord> activation = session.usable();
        if (current != null && activation.isPresent()) {
            TokenRecord record = current.get(tokenName);
            if (record == null || record.activationId().equals(activation.get().activationId())) {
                return Optional.ofNullable(record);
            }
        }
        return session.locked(() -> Optional.ofNullable(valid().get(tokenName)));
    }

    /**
     * The header path's lookup: no lock, no allocation. It answers only when the snapshot is loaded and holds the
     * token under the current usable activation; otherwise it returns {@code null} and the caller takes
     * {@link #get(String)}, which decides every other case.
     */
    TokenRecord cached(String tokenName) {
        Map<String, TokenRecord> current = snapshot;
        if (current == null) {
            return null;
        }
        TokenRecord record = current.get(tokenName);
        if (record == null) {
            return null;
        }
        Optional<ActivationRecord> activation = session.usable();
        return activation.isPresent() && record.activationId().equals(activation.get().activationId())
                ? record : null;
    }

    Set<String> names() {
        return session.locked(() -> Set.copyOf(valid().keySet()));
    }

    /** Stores a token; the caller holds the session lock and has checked the activation generation. */
    void put(TokenRecord record) {
        session.locked(() -> {
            SecretBytes encoded = record.encode();
            try {
                storage.put(session.namespace(), entry(record.tokenName()), encoded);
            } finally {
                encoded.destroy();
            }
            Map<String, TokenRecord> next = new HashMap<>(loaded());
            TokenRecord replaced = next.put(record.tokenName(), record);
            snapshot = Map.copyOf(next);
            if (replaced != null && replaced != record) {
                replaced.destroy();
            }
            return null;
        });
    }

    Optional<TokenRecord> remove(String tokenName) {
        return session.locked(() -> {
            // Load before deleting: a first use after a restart must still see (and report) the removed token.
            Map<String, TokenRecord> next = new HashMap<>(loaded());
            storage.delete(session.namespace(), entry(tokenName));
            TokenRecord removed = next.remove(tokenName);
            snapshot = Map.copyOf(next);
            if (removed != null) {
                removed.destroy();
            }
            return Optional.ofNullable(removed);
        });
    }

    void removeAll() {
        session.locked(() -> {
            List<String> entries = storage.names(session.namespace()).stream()
                    .filter(n -> n.startsWith(ActivationSession.TOKEN_ENTRY_PREFIX)).toList();
            storage.deleteAll(session.namespace(), entries);
            Map<String, TokenRecord> dropped = snapshot;
            snapshot = Map.of();
            destroyAll(dropped);
            return null;
        });
    }

    /** Drops the memory copy after the session wiped storage; runs under the session lock. */
    void forget() {
        Map<String, TokenRecord> dropped = snapshot;
        snapshot = Map.of();
        destroyAll(dropped);
    }

    private static void destroyAll(Map<String, TokenRecord> records) {
        if (records != null) {
            records.values().forEach(TokenRecord::destroy);
        }
    }

    private Map<String, TokenRecord> valid() {
        Map<String, TokenRecord> all = loaded();
        Optional<ActivationRecord> activation = session.usable();
        List<String> stale = all.values().stream()
                .filter(t -> activation.isEmpty() || !t.activationId().equals(activation.get().activationId()))
                .map(TokenRecord::tokenName).toList();
        if (stale.isEmpty()) {
            return all;
        }
        storage.deleteAll(session.namespace(), stale.stream().map(TokenCache::entry).toList());
        Map<String, TokenRecord> next = new HashMap<>(all);
        List<TokenRecord> dropped = stale.stream().map(next::remove).toList();
        snapshot = Map.copyOf(next);
        dropped.forEach(TokenRecord::destroy);
        return snapshot;
    }

    private Map<String, TokenRecord> loaded() {
        Map<String, TokenRecord> current = snapshot;
        if (current != null) {
            return current;
        }
        Map<String, TokenRecord> read = new HashMap<>();
        for (String name : storage.names(session.namespace())) {
            if (name.startsWith(ActivationSession.TOKEN_ENTRY_PREFIX)) {
                storage.get(session.namespace(), name).ifPresent(value -> {
                    try {
                        TokenRecord record = TokenRecord.decode(value);
                        read.put(record.tokenName(), record);
                    } catch (MalformedDataException e) {
                        // An unreadable record counts as absent; removeAll still deletes it.
                    } finally {
                        value.destroy();
                    }
                });
            }
        }
        snapshot = Map.copyOf(read);
        return snapshot;
    }
}
