package org.opentokens.powerauth.token.domain.internal.v4.auth;

import java.util.Locale;
import org.opentokens.powerauth.token.domain.error.MalformedDataException;

/** The factor combinations of a 4.0 authentication code ({@code pa_auth_code_type}). */
public enum AuthenticationCodeType {
    /** 1FA: possession. */
    POSSESSION("possession", true, false, false),
    /** 1FA: knowledge. */
    KNOWLEDGE("knowledge", false, true, false),
    /** 1FA: biometry. */
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

    AuthenticationCodeType(String wireValue, boolean possession, boolean knowledge, boolean biometry) {
        this.wireValue = wireValue;
        this.possession = possession;
        this.knowledge = knowledge;
        this.biometry = biometry;
    }

    /** @return the wire value, e.g. {@code "possession_knowledge"} */
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

    /** @return the number of factors, which is also the number of code components (1 to 3) */
    public int factorCount() {
        return (possession ? 1 : 0) + (knowledge ? 1 : 0) + (biometry ? 1 : 0);
    }

    /**
     * @param value a wire value; case is ignored, as by the server's validator
     * @return the type
     * @throws MalformedDataException if the value is null or unknown
     */
    public static AuthenticationCodeType fromWireValue(String value) {
        if (value != null) {
            String lower = value.toLowerCase(Locale.ROOT);
            for (AuthenticationCodeType t : values()) {
                if (t.wireValue.equals(lower)) {
                    return t;
                }
            }
        }
        throw new MalformedDataException("unknown authentication code type");
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
