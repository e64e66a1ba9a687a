package org.opentokens.archfixtures.domain;

import java.util.Date;

/** Violates: no old date classes. */
public final class OldDateUser {
    public Date date(long ms) {
        return new Date(ms);
    }
}
