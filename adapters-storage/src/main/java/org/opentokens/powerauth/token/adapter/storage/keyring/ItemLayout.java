package org.opentokens.powerauth.token.adapter.storage.keyring;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;

/**
 * Puts one payload into keychain items so that a crash never exposes a mix of two payloads. The head item, under the
 * account name, is the commit point (one atomic item write): it holds a small payload inline ({@code 'I'}), or for a
 * large one ({@code 'C'}, keychains with small items such as Windows') the slot, chunk count, length and SHA-256 of
 * chunk items {@code account#slot#i}. A new chunked payload goes into the slot the head does not name before the head
 * switches; chunks are written ascending and deleted descending, so a crash leaves only an unread prefix that the
 * next write to that slot sweeps away.
 */
final class ItemLayout {
    private static final byte INLINE = 'I';
    private static final byte CHUNKED = 'C';
    private static final int CHUNK_HEAD_BYTES = 1 + 1 + 4 + 4 + 32;

    private final KeyringBackend backend;
    private final int maxItemBytes;

    ItemLayout(KeyringBackend backend) {
        this.backend = backend;
        this.maxItemBytes = backend.maxItemBytes();
        if (maxItemBytes < CHUNK_HEAD_BYTES + 1) {
            throw new IllegalArgumentException("keychain items are too small");
        }
    }

    /** A head as read: what the next write must clean up. */
    static final class Head {
        static final Head NONE = new Head(-1, 0);
        final int slot;
        final int chunks;

        private Head(int slot, int chunks) {
            this.slot = slot;
            this.chunks = chunks;
        }
    }

    /** A payload and the head it was read from. */
    static final class Read {
        final Head head;
        final byte[] payload;

        Read(Head head, byte[] payload) {
            this.head = head;
            this.payload = payload;
        }
    }

    Optional<Read> read(String account) {
        Optional<byte[]> stored = backend.read(account);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        byte[] head = stored.get();
        if (head.length >= 1 && head[0] == INLINE) {
            return Optional.of(new Read(Head.NONE, Arrays.copyOfRange(head, 1, head.length)));
        }
        if (head.length != CHUNK_HEAD_BYTES || head[0] != CHUNKED) {
            throw new StorageCorruptException("keychain head item has an unknown format");
        }
        ByteBuffer in = ByteBuffer.wrap(head, 1, CHUNK_HEAD_BYTES - 1);
        int slot = in.get();
        int chunks = in.getInt();
        int length = in.getInt();
        byte[] digest = new byte[32];
        in.get(digest);
        if ((slot != 0 && slot != 1) || length <= 0 || chunks != (length + maxItemBytes - 1) / maxItemBytes) {
            throw new StorageCorruptException("keychain head item is damaged");
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        for (int i = 0; i < chunks; i++) {
            byte[] chunk = backend.read(chunkAccount(account, slot, i))
                    .orElseThrow(() -> new StorageCorruptException("keychain chunk item is missing"));
            if (chunk.length > payload.remaining()) {
                throw new StorageCorruptException("keychain chunk items are longer than their head says");
            }
            payload.put(chunk);
        }
        byte[] bytes = payload.array();
        if (payload.hasRemaining() || !MessageDigest.isEqual(sha256(bytes), digest)) {
            throw new StorageCorruptException("keychain chunk items do not match their head");
        }
        return Optional.of(new Read(new Head(slot, chunks), bytes));
    }

    /** Replaces the payload; {@code previous} is the head the caller read (or {@link Head#NONE}). */
    void write(String account, String label, byte[] payload, Head previous) {
        if (1 + payload.length <= maxItemBytes) {
            byte[] inline = new byte[1 + payload.length];
            inline[0] = INLINE;
            System.arraycopy(payload, 0, inline, 1, payload.length);
            backend.write(account, label, inline);
        } else {
            int slot = previous.slot == 0 ? 1 : 0;
            sweep(account, slot);
            int chunks = (payload.length + maxItemBytes - 1) / maxItemBytes;
            for (int i = 0; i < chunks; i++) {
                int from = i * maxItemBytes;
                backend.write(chunkAccount(account, slot, i), label,
                        Arrays.copyOfRange(payload, from, Math.min(payload.length, from + maxItemBytes)));
            }
            backend.write(account, label, ByteBuffer.allocate(CHUNK_HEAD_BYTES).put(CHUNKED).put((byte) slot)
                    .putInt(chunks).putInt(payload.length).put(sha256(payload)).array());
        }
        deleteChunks(account, previous);
    }

    /** Deletes the head, then its chunks and any leftovers; returns whether the head existed. */
    boolean delete(String account, Head previous) {
        boolean existed = backend.delete(account);
        deleteChunks(account, previous);
        sweepLeftovers(account);
        return existed;
    }

    /**
     * Deletes chunk items that no head refers to, as a crashed write or wipe may leave them. Only for an account
     * whose head is inline (or absent): both slots are swept.
     */
    void sweepLeftovers(String account) {
        if (maxItemBytes < Integer.MAX_VALUE) {
            sweep(account, 0);
            sweep(account, 1);
        }
    }

    private void deleteChunks(String account, Head head) {
        for (int i = head.chunks - 1; i >= 0; i--) {
            backend.delete(chunkAccount(account, head.slot, i));
        }
    }

    private void sweep(String account, int slot) {
        int i = 0;
        while (backend.delete(chunkAccount(account, slot, i))) {
            i++;
        }
    }

    static String chunkAccount(String account, int slot, int index) {
        return account + "#" + slot + "#" + index;
    }

    private static byte[] sha256(byte[] bytes) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(bytes, 0, bytes.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
