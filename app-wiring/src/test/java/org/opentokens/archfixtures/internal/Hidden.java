package org.opentokens.archfixtures.internal;

/** An internal type: no API signature may name it. */
public class Hidden {
}
