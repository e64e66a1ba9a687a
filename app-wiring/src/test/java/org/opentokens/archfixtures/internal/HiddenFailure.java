package org.opentokens.archfixtures.internal;

/** An internal exception: no API signature may throw it. */
public class HiddenFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
}
