package org.opentokens.archfixtures.api;

import java.util.List;
import org.opentokens.archfixtures.internal.Hidden;
import org.opentokens.archfixtures.internal.HiddenBase;
import org.opentokens.archfixtures.internal.HiddenFailure;
import org.opentokens.archfixtures.internal.HiddenPort;

/** Violates the API boundary in every way a signature can. */
public class LeakyApi extends HiddenBase implements HiddenPort {
    public Hidden field;

    public LeakyApi(Hidden hidden) {
        this.field = hidden;
    }

    public Hidden returns() {
        return field;
    }

    public void takes(List<Hidden> hidden) {
    }

    public void throwsIt() throws HiddenFailure {
    }

    public <T extends Hidden> void bound(T hidden) {
    }

    protected Hidden forSubclasses() {
        return field;
    }
}
