package org.opentokens.powerauth.token.adapter.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.token.adapter.storage.inmemory.InMemorySecureStorage;
import org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;
import org.opentokens.powerauth.token.port.out.StorageNamespace;

/** The crash checker itself: it must accept both allowed states and catch every kind of damage. */
class CrashCheckTest {
    private static final StorageNamespace NS = StorageNamespace.of("check");
    private static final Map<String, ValueStamp> BEFORE = Map.of("n00", new ValueStamp(1, 100), "n01", new ValueStamp(2, 50));
    private static final WorkloadOp PUT_BATCH = new WorkloadOp(3, WorkloadOp.Kind.PUT_ALL,
            Map.of("n00", new ValueStamp(3, 40), "n02", new ValueStamp(3, 60)), List.of());
    private static final WorkloadOp REMOVE = new WorkloadOp(3, WorkloadOp.Kind.REMOVE, Map.of(), List.of("n01"));

    private final InMemorySecureStorage storage = new InMemorySecureStorage();

    @Test
    void theStateBeforeAndTheStateAfterTheCallInFlightAreBothAccepted() {
        CrashPoint point = new CrashPoint(BEFORE, Optional.of(PUT_BATCH));
        write(BEFORE);
        assertThat(CrashCheck.check(storage, NS, point).outcome()).isEqualTo(CrashCheck.Outcome.OLD);

        write(PUT_BATCH.puts());
        CrashCheck.Verdict verdict = CrashCheck.check(storage, NS, point);
        assertThat(verdict.outcome()).isEqualTo(CrashCheck.Outcome.NEW);
        assertThat(verdict.records()).isEqualTo(3);
    }

    @Test
    void aRemovedRecordThatComesBackIsPhantom() {
        write(BEFORE);
        CrashPoint removed = new CrashPoint(REMOVE.applyTo(BEFORE), Optional.empty());

        CrashCheck.Verdict verdict = CrashCheck.check(storage, NS, removed);

        assertThat(verdict.outcome()).isEqualTo(CrashCheck.Outcome.BROKEN);
        assertThat(verdict.phantom()).isEqualTo(1);
    }

    @Test
    void aValueFromAWriteThatWasNeverAnnouncedIsPhantom() {
        write(BEFORE);
        write(Map.of("n01", new ValueStamp(9, 50)));

        assertThat(CrashCheck.check(storage, NS, new CrashPoint(BEFORE, Optional.of(PUT_BATCH))).phantom()).isEqualTo(1);
    }

    @Test
    void aTruncatedOrAlteredValueIsHalfWritten() {
        write(BEFORE);
        byte[] bytes = StampedValue.of(1, 0, 100).copyBytes(InsecureSecretAccess.get());
        bytes[60] ^= 1;
        storage.put(NS, "n00", SecretBytes.takeOwnership(bytes));

        CrashCheck.Verdict verdict = CrashCheck.check(storage, NS, new CrashPoint(BEFORE, Optional.empty()));

        assertThat(verdict.outcome()).isEqualTo(CrashCheck.Outcome.BROKEN);
        assertThat(verdict.halfWritten()).isEqualTo(1);
    }

    @Test
    void aBatchAppliedInPartIsTornAndAMissingRecordIsLost() {
        write(BEFORE);
        write(Map.of("n02", new ValueStamp(3, 60)));
        CrashCheck.Verdict torn = CrashCheck.check(storage, NS, new CrashPoint(BEFORE, Optional.of(PUT_BATCH)));
        assertThat(torn.outcome()).isEqualTo(CrashCheck.Outcome.BROKEN);
        assertThat(torn.torn()).isEqualTo(1);

        storage.delete(NS, "n01");
        assertThat(CrashCheck.check(storage, NS, new CrashPoint(BEFORE, Optional.of(PUT_BATCH))).lost()).isEqualTo(1);
    }

    @Test
    void aCallSurvivesTheRoundTripThroughItsAnnouncement() {
        for (WorkloadOp op : List.of(PUT_BATCH, REMOVE, new WorkloadOp(4, WorkloadOp.Kind.REMOVE_ALL, Map.of(), List.of()))) {
            assertThat(WorkloadOp.decode(op.encode())).isEqualTo(op);
        }
    }

    private void write(Map<String, ValueStamp> records) {
        records.forEach((name, stamp) -> storage.put(NS, name,
                StampedValue.of(stamp.stamp(), WorkloadOp.part(name), stamp.length())));
    }
}
