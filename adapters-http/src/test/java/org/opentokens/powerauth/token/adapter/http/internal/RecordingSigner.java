package org.opentokens.powerauth.token.adapter.http.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opentokens.powerauth.token.domain.internal.signature.AuthorizationHeader;
import org.opentokens.powerauth.token.port.internal.out.RequestSigner;

/** A {@link RequestSigner} that records the bytes it signs and returns a fixed header. */
final class RecordingSigner implements RequestSigner {
    private final List<byte[]> signed = new CopyOnWriteArrayList<>();
    private final AuthorizationHeader header;

    RecordingSigner(AuthorizationHeader header) {
        this.header = header;
    }

    RecordingSigner() {
        this(TestWireFactory.authorization());
    }

    @Override
    public AuthorizationHeader sign(byte[] body) {
        signed.add(body.clone());
        return header;
    }

    /** @return each body signed, in order */
    List<byte[]> signed() {
        return List.copyOf(signed);
    }

    AuthorizationHeader header() {
        return header;
    }
}
