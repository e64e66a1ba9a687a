package org.opentokens.powerauth.token.wiring.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.opentokens.powerauth.token.application.internal.instance.InstanceStore;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.domain.secret.SecretBytes;

/**
 * Storage before and after a failed call: the same entries, byte for byte, except a signed call's counter step and
 * the time offset, which any successful server time sample may store again (it is not activation state).
 */
final class StorageCheck {
    private StorageCheck() {
    }

    static void assertUnchanged(Map<String, SecretBytes> beforeAll, Map<String, SecretBytes> afterAll,
            boolean counterStepped) {
        Map<String, SecretBytes> before = withoutTimeOffset(beforeAll);
        Map<String, SecretBytes> after = withoutTimeOffset(afterAll);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((name, value) -> {
            if (!name.equals(InstanceStore.ACTIVATION_ENTRY)) {
                assertThat(after.get(name).sameBytesAs(value)).as(name).isTrue();
            }
        });
        SecretBytes activationBefore = before.get(InstanceStore.ACTIVATION_ENTRY);
        if (activationBefore == null) {
            return;
        }
        SecretBytes expected = activationBefore;
        if (counterStepped) {
            ActivationRecord record = ActivationRecord.decode(activationBefore);
            expected = record.withCounter(record.counter().next()).encode();
        }
        assertThat(after.get(InstanceStore.ACTIVATION_ENTRY).sameBytesAs(expected))
                .as(counterStepped ? "the activation, one counter step on" : "the activation").isTrue();
    }

    private static Map<String, SecretBytes> withoutTimeOffset(Map<String, SecretBytes> entries) {
        Map<String, SecretBytes> copy = new HashMap<>(entries);
        copy.remove(InstanceStore.TIME_OFFSET_ENTRY);
        return copy;
    }
}
