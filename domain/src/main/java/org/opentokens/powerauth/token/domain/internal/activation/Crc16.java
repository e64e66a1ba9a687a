package org.opentokens.powerauth.token.domain.internal.activation;

/** CRC-16/ARC (reflected polynomial 0xA001, initial value 0, no final XOR), as used by activation codes. */
final class Crc16 {
    private Crc16() {
    }

    /**
     * @param data the bytes
     * @param offset first byte
     * @param length number of bytes
     * @return the 16-bit CRC in the low bits of an int
     */
    static int arc(byte[] data, int offset, int length) {
        int crc = 0;
        for (int i = offset; i < offset + length; i++) {
            crc ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc & 0xFFFF;
    }
}
