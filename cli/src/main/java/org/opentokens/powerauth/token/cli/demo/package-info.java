/**
 * The README's first command: the whole token story against the embedded PowerAuth emulator, printed step by step
 * ({@link org.opentokens.powerauth.token.cli.demo.TokenDemo}).
 */
package org.opentokens.powerauth.token.cli.demo;
