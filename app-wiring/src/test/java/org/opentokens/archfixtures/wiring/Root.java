package org.opentokens.archfixtures.wiring;

import java.time.Instant;
import org.opentokens.archfixtures.adapter.http.StorageReacher;
import org.opentokens.archfixtures.domain.WallClockReader;

/** Compliant: the composition root may see everything and read the clock. */
public final class Root {
    public Object build() {
        return new Object[] {new StorageReacher(), new WallClockReader(), Instant.now()};
    }
}
