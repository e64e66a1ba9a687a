package org.opentokens.powerauth.token.domain;

import java.util.Locale;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** The factor combinations a PowerAuth signature can use ({@code pa_signature_type}). */
public enum PowerAuthSignatureType {
    /** 1FA: the device possession key only. */
    POSSESSION("possession", true, false, false),
    /** 1FA: the knowledge (PIN) key only. */
    KNOWLEDGE("knowledge", false, true, false),
    /** 1FA: the biometry key only. */
    BIOMETRY("biometry", false, false, true),
    /** 2FA: possession and knowledge. */
    POSSESSION_KNOWLEDGE("possession_knowledge", true, true, false),
    /** 2FA: possession and biometry. */
    POSSESSION_BIOMETRY("possession_biometry", true, false, true),
    /** 3FA: possession, knowledge and biometry. */
    POSSESSION_KNOWLEDGE_BIOMETRY("possession_knowledge_biometry", true, true, true);

    private final String wireValue;
    private final boolean possession;
    private final boolean knowledge;
    private final boolean biometry;

    PowerAuthSignatureType(String wireValue, boolean possession, boolean knowledge, boolean biometry) {
        this.wireValue = wireValue;
        this.possession = possession;
        this.knowledge = knowledge;
        this.biometry = biometry;
    }

    /** @return the lowercase wire value, for example {@code "possession_knowledge"} */
    public String wireValue() {
        return wireValue;
    }

    /** @return true if the possession key takes part */
    public boolean usesPossession() {
        return possession;
    }

    /** @return true if the knowledge key takes part */
    public boolean usesKnowledge() {
        return knowledge;
    }

    /** @return true if the biometry key takes part */
    public boolean usesBiometry() {
        return biometry;
    }

    /** @return the number of factors, which is also the number of signature components (1 to 3) */
    public int factorCount() {
        return (possession ? 1 : 0) + (knowledge ? 1 : 0) + (biometry ? 1 : 0);
    }

    /**
     * Parses a wire value. Like the server's header validator, the comparison ignores case.
     *
     * @param value a value such as {@code "possession_biometry"}
     * @return the type
     * @throws MalformedDataException if the value is null or unknown
     */
    public static PowerAuthSignatureType fromWireValue(String value) {
        if (value != null) {
            String lower = value.toLowerCase(Locale.ROOT);
            for (PowerAuthSignatureType t : values()) {
                if (t.wireValue.equals(lower)) {
                    return t;
                }
            }
        }
        throw new MalformedDataException("unknown signature type");
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
