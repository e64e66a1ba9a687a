package org.opentokens.powerauth.token.benchmarks.header;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The physical floor's per-thread tools: a generator of the same kind the client uses and a JDK HMAC-SHA256
 * initialized once with the token secret.
 */
@State(Scope.Thread)
public class FloorState {
    SecureRandom random;
    Mac mac;

    /**
     * @param header the shared client, for the token secret
     * @throws GeneralSecurityException if the JDK has no HmacSHA256 (it always has)
     */
    @Setup(Level.Trial)
    public void setUp(HeaderState header) throws GeneralSecurityException {
        random = HeaderRandom.floorGenerator(header.random);
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(header.tokenSecret, "HmacSHA256"));
    }
}
