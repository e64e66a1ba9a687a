package org.opentokens.powerauth.token.application.internal.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentokens.powerauth.testkit.EmulatorActivationState;
import org.opentokens.powerauth.token.domain.ActivationState;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;
import org.opentokens.powerauth.token.domain.error.StorageUnavailableException;
import org.opentokens.powerauth.token.domain.error.WrongPasswordException;
import org.opentokens.powerauth.token.domain.internal.counter.HashCounter;
import org.opentokens.powerauth.token.domain.internal.record.ActivationRecord;
import org.opentokens.powerauth.token.port.in.PasswordValidation;

/** Password check and change against the emulator (Wultra's signature verification and attempt counting). */
class PasswordFlowTest {
    private static final char[] NEW_PASSWORD = "new-pass-5678".toCharArray();

    private final Testbed bed = new Testbed();

    @AfterEach
    void close() throws InterruptedException {
        bed.close();
    }

    @Test
    void theRightPasswordIsValidAndMovesTheCounterOnce() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        HashCounter before = client.storedRecord().counter();

        PasswordValidation validation = client.passwords.validatePassword(Testbed.PASSWORD).join();

        assertThat(validation.valid()).isTrue();
        assertThat(validation.remainingAttempts()).hasValue(5);
        assertThat(validation.blocked()).isFalse();
        assertThat(client.storedRecord().counter().sameCounterAs(before.next())).isTrue();
        assertThat(bed.emulator.activation(id).counter()).isEqualTo(1);
        assertThat(bed.emulator.count("/pa/v3/signature/validate")).isEqualTo(1);
    }

    @Test
    void wrongPasswordsAreCountedThenTheActivationIsBlocked() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        char[] wrong = "0000".toCharArray();

        for (int attempt = 1; attempt <= 4; attempt++) {
            PasswordValidation validation = client.passwords.validatePassword(wrong).join();
            assertThat(validation.valid()).isFalse();
            assertThat(validation.remainingAttempts()).hasValue(5 - attempt);
            assertThat(validation.blocked()).isFalse();
            assertThat(bed.emulator.activation(id).failedAttempts()).isEqualTo(attempt);
        }
        PasswordValidation last = client.passwords.validatePassword(wrong).join();

        assertThat(last.valid()).isFalse();
        assertThat(last.blocked()).isTrue();
        assertThat(last.remainingAttempts()).hasValue(0);
        assertThat(bed.emulator.activation(id).state()).isEqualTo(EmulatorActivationState.BLOCKED);
        PasswordValidation right = client.passwords.validatePassword(Testbed.PASSWORD).join();
        assertThat(right.valid()).as("a blocked activation refuses even the right password").isFalse();
        assertThat(right.status().orElseThrow().state()).isEqualTo(ActivationState.BLOCKED);
    }

    @Test
    void aGoodPasswordResetsTheFailedAttempts() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        client.passwords.validatePassword("0000".toCharArray()).join();
        client.passwords.validatePassword("0000".toCharArray()).join();

        assertThat(client.passwords.validatePassword(Testbed.PASSWORD).join().remainingAttempts()).hasValue(5);
        assertThat(bed.emulator.activation(id).failedAttempts()).isZero();
    }

    @Test
    void changePasswordMakesTheNewOneWorkAndTheOldOneWrong() {
        Testbed.Client client = bed.client();
        client.activate();
        ActivationRecord before = client.storedRecord();

        client.passwords.changePassword(Testbed.PASSWORD, NEW_PASSWORD).join();

        ActivationRecord after = client.storedRecord();
        assertThat(after.knowledgeSalt()).as("a fresh salt").isNotEqualTo(before.knowledgeSalt());
        assertThat(after.protectedKnowledgeKey()).isNotEqualTo(before.protectedKnowledgeKey());
        assertThat(after.possessionKey().copyBytes(org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess
                .get())).isEqualTo(before.possessionKey().copyBytes(
                        org.opentokens.powerauth.token.domain.secret.InsecureSecretAccess.get()));
        assertThat(client.passwords.validatePassword(NEW_PASSWORD).join().valid()).isTrue();
        assertThat(client.passwords.validatePassword(Testbed.PASSWORD).join().valid()).isFalse();
    }

    @Test
    void aWrongOldPasswordChangesNothing() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        byte[] protectedBefore = client.storedRecord().protectedKnowledgeKey();

        Throwable failure = Testbed.failure(client.passwords.changePassword("0000".toCharArray(), NEW_PASSWORD));

        assertThat(failure).isInstanceOf(WrongPasswordException.class).hasMessageContaining("4 attempt(s) left");
        assertThat(((WrongPasswordException) failure).remainingAttempts()).hasValue(4);
        assertThat(((WrongPasswordException) failure).blocked()).isFalse();
        assertThat(client.storedRecord().protectedKnowledgeKey()).isEqualTo(protectedBefore);
        assertThat(bed.emulator.activation(id).failedAttempts()).isEqualTo(1);
        assertThat(client.passwords.validatePassword(Testbed.PASSWORD).join().valid()).isTrue();
    }

    @Test
    void aStorageFaultBetweenValidateAndReprotectLeavesTheOldPasswordWorking() {
        Testbed.Client client = bed.client();
        String id = client.activate();
        HashCounter before = client.storedRecord().counter();
        // The counter write happened when the request was signed; the next write is the re-protection.
        bed.server.beforeSignedSend(() -> bed.storage.failNextWrites(1, new StorageUnavailableException("disk gone")));

        Throwable failure = Testbed.failure(client.passwords.changePassword(Testbed.PASSWORD, NEW_PASSWORD));

        bed.server.beforeSignedSend(() -> { });
        assertThat(failure).isInstanceOf(StorageUnavailableException.class);
        assertThat(bed.emulator.activation(id).counter()).as("the server validated the old password").isEqualTo(1);
        assertThat(client.storedRecord().counter().sameCounterAs(before.next())).isTrue();
        assertThat(client.passwords.validatePassword(NEW_PASSWORD).join().valid()).isFalse();
        assertThat(client.passwords.validatePassword(Testbed.PASSWORD).join().valid()).isTrue();
    }

    @Test
    void anEmptyOrBrokenNewPasswordIsRefusedBeforeAnyCall() {
        Testbed.Client client = bed.client();
        client.activate();

        assertThat(Testbed.failure(client.passwords.changePassword(Testbed.PASSWORD, new char[0])))
                .isInstanceOf(MalformedDataException.class);
        assertThat(Testbed.failure(client.passwords.changePassword(Testbed.PASSWORD, new char[] {'a', '\uD800'})))
                .as("an unpaired surrogate").isInstanceOf(MalformedDataException.class);
        assertThat(bed.emulator.count("/pa/v3/signature/validate")).isZero();
    }
}
