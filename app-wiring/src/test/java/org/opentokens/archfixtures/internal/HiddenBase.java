package org.opentokens.archfixtures.internal;

/** An internal base class: no API type may extend it. */
public abstract class HiddenBase {
}
