/** The README's first command: a short, printed walk through the library. */
package org.opentokens.powerauth.token.wiring.demo;
