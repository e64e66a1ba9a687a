package org.opentokens.powerauth.token.adapter.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.opentokens.powerauth.token.domain.error.StorageCorruptException;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.SecureStorage;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/**
 * Reads a namespace after a crash and compares it with the states the {@link CrashPoint} allows.
 *
 * <ul>
 *   <li><b>half-written</b>: a record whose bytes are not exactly one write's, a listed name that does not read
 *       back, or a namespace the store reports as corrupt;</li>
 *   <li><b>phantom</b>: a record (or a record's value) that neither allowed state holds: never acknowledged
 *       nor in flight, or removed and back again;</li>
 *   <li><b>lost</b>: a record both allowed states hold that is missing or holds another write's value;</li>
 *   <li><b>torn</b>: every record is one an allowed state holds, but the mix is neither state (a batch half
 *       applied).</li>
 * </ul>
 */
public final class CrashCheck {
    private CrashCheck() {
    }

    /** The outcome of one check. */
    public enum Outcome {
        /** The namespace reads as the state before the call in flight (or the last acknowledged state). */
        OLD,
        /** The namespace reads as the state after the call in flight. */
        NEW,
        /** Neither: see the counts. */
        BROKEN
    }

    /**
     * @param outcome which state the namespace is in
     * @param actual the records read (only whole ones)
     * @param records how many records were read
     * @param halfWritten half-written records (a corrupt namespace counts as one)
     * @param phantom phantom records
     * @param lost lost records
     * @param torn 1 if the namespace is a mix of both states
     * @param detail what differed, for the failure message (names and stamps only)
     */
    public record Verdict(Outcome outcome, Map<String, ValueStamp> actual, int records, int halfWritten,
            int phantom, int lost, int torn, String detail) {
    }

    /** Reads {@code namespace} from {@code storage} and judges it against {@code point}. */
    public static Verdict check(SecureStorage storage, StorageNamespace namespace, CrashPoint point) {
        Map<String, ValueStamp> before = point.before();
        Optional<Map<String, ValueStamp>> after = point.after();
        Set<String> names;
        try {
            names = storage.names(namespace);
        } catch (StorageCorruptException e) {
            return new Verdict(Outcome.BROKEN, Map.of(), 0, 1, 0, 0, 0, "namespace unreadable: " + e.getMessage());
        }
        Map<String, ValueStamp> actual = new TreeMap<>();
        List<String> halfWritten = new ArrayList<>();
        for (String name : names) {
            Optional<SecretBytes> value = storage.get(namespace, name);
            Optional<ValueStamp> stamp = value.flatMap(v -> StampedValue.decode(v, WorkloadOp.part(name)));
            if (stamp.isPresent()) {
                actual.put(name, stamp.get());
            } else {
                halfWritten.add(name);
            }
        }
        if (halfWritten.isEmpty() && actual.equals(before)) {
            return new Verdict(Outcome.OLD, actual, names.size(), 0, 0, 0, 0, "");
        }
        if (halfWritten.isEmpty() && after.isPresent() && actual.equals(after.get())) {
            return new Verdict(Outcome.NEW, actual, names.size(), 0, 0, 0, 0, "");
        }
        Map<String, ValueStamp> afterState = after.orElse(before);
        List<String> phantom = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        Set<String> all = new TreeSet<>(actual.keySet());
        all.addAll(before.keySet());
        all.addAll(afterState.keySet());
        all.removeAll(halfWritten);
        for (String name : all) {
            ValueStamp found = actual.get(name);
            ValueStamp old = before.get(name);
            ValueStamp fresh = afterState.get(name);
            if (found != null && !found.equals(old) && !found.equals(fresh)) {
                phantom.add(name + "=" + found);
            } else if (found == null && old != null && old.equals(fresh)) {
                lost.add(name + "=" + old);
            }
        }
        int torn = phantom.isEmpty() && lost.isEmpty() && halfWritten.isEmpty() ? 1 : 0;
        String detail = "read " + actual + ", half-written " + halfWritten + ", phantom " + phantom + ", lost " + lost
                + "; allowed " + before + (after.isPresent() ? " or " + after.get() : "")
                + point.inFlight().map(op -> " (in flight: " + op.encode() + ")").orElse("");
        return new Verdict(Outcome.BROKEN, actual, names.size(), halfWritten.size(), phantom.size(), lost.size(), torn,
                detail);
    }
}
