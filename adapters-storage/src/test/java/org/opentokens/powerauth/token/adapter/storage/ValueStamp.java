package org.opentokens.powerauth.token.adapter.storage;

/**
 * Which write a crash-test record came from (its stamp) and how long it is; with the record's name this
 * determines every byte of it ({@link StampedValue}).
 */
public record ValueStamp(long stamp, int length) {
    @Override
    public String toString() {
        return stamp + ":" + length;
    }
}
