package org.opentokens.archfixtures.internal;

/** An internal interface: no API type may implement it. */
public interface HiddenPort {
}
