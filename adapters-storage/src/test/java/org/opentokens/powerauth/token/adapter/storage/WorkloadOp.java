package org.opentokens.powerauth.token.adapter.storage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * One storage call of the crash workload. A writer process announces it ({@link #encode()}) before it runs it
 * and acknowledges it afterwards, so the parent knows the state before and after every call. Every value a
 * call writes carries the call's sequence number as its stamp, so no two writes produce the same bytes.
 *
 * @param seq the call's sequence number, unique over the whole test, and the stamp of what it writes
 * @param kind which storage method
 * @param puts the records written (put, putAll)
 * @param removes the names removed (delete, deleteAll(names)); empty for the others
 */
public record WorkloadOp(long seq, Kind kind, Map<String, ValueStamp> puts, List<String> removes) {
    /** The storage method a call uses. */
    public enum Kind {
        /** {@link SecureStorage#put}. */
        PUT,
        /** {@link SecureStorage#putAll}. */
        PUT_ALL,
        /** {@link SecureStorage#delete}. */
        REMOVE,
        /** {@link SecureStorage#deleteAll(StorageNamespace, java.util.Collection)}. */
        REMOVE_NAMES,
        /** {@link SecureStorage#deleteAll(StorageNamespace)}. */
        REMOVE_ALL
    }

    public WorkloadOp {
        puts = Collections.unmodifiableMap(new TreeMap<>(puts));
        removes = List.copyOf(removes);
    }

    /** @return the record part (index) a workload name stands for: {@code n07} is 7 */
    public static int part(String name) {
        return Integer.parseInt(name.substring(1));
    }

    /** @return the state after this call, given the state before it (neither is modified) */
    public Map<String, ValueStamp> applyTo(Map<String, ValueStamp> before) {
        Map<String, ValueStamp> after = new TreeMap<>(before);
        switch (kind) {
            case PUT, PUT_ALL -> after.putAll(puts);
            case REMOVE, REMOVE_NAMES -> removes.forEach(after::remove);
            case REMOVE_ALL -> after.clear();
            default -> throw new IllegalStateException(kind.name());
        }
        return Collections.unmodifiableMap(after);
    }

    /** Runs this call against a store. */
    public void applyTo(SecureStorage storage, StorageNamespace namespace) {
        switch (kind) {
            case PUT -> {
                Map.Entry<String, ValueStamp> only = puts.entrySet().iterator().next();
                storage.put(namespace, only.getKey(), value(only.getKey(), only.getValue()));
            }
            case PUT_ALL -> {
                Map<String, SecretBytes> values = new LinkedHashMap<>();
                puts.forEach((name, stamp) -> values.put(name, value(name, stamp)));
                storage.putAll(namespace, values);
            }
            case REMOVE -> storage.delete(namespace, removes.get(0));
            case REMOVE_NAMES -> storage.deleteAll(namespace, removes);
            case REMOVE_ALL -> storage.deleteAll(namespace);
            default -> throw new IllegalStateException(kind.name());
        }
    }

    private static SecretBytes value(String name, ValueStamp stamp) {
        return StampedValue.of(stamp.stamp(), part(name), stamp.length());
    }

    /** @return one line: {@code seq KIND name=stamp:length,...} or {@code seq KIND name,...} or {@code seq KIND -} */
    public String encode() {
        List<String> items = new ArrayList<>();
        puts.forEach((name, stamp) -> items.add(name + "=" + stamp));
        items.addAll(removes);
        return seq + " " + kind + " " + (items.isEmpty() ? "-" : String.join(",", items));
    }

    /** @return the call {@link #encode()} wrote */
    public static WorkloadOp decode(String line) {
        String[] fields = line.split(" ");
        if (fields.length != 3) {
            throw new IllegalArgumentException("not a workload call: " + line);
        }
        long seq = Long.parseLong(fields[0]);
        Kind kind = Kind.valueOf(fields[1]);
        Map<String, ValueStamp> puts = new TreeMap<>();
        List<String> removes = new ArrayList<>();
        if (!fields[2].equals("-")) {
            for (String item : fields[2].split(",")) {
                int eq = item.indexOf('=');
                if (eq < 0) {
                    removes.add(item);
                } else {
                    String[] stamp = item.substring(eq + 1).split(":");
                    puts.put(item.substring(0, eq), new ValueStamp(Long.parseLong(stamp[0]), Integer.parseInt(stamp[1])));
                }
            }
        }
        return new WorkloadOp(seq, kind, puts, removes);
    }
}
