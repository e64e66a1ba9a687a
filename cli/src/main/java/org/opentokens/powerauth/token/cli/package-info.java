/**
 * The {@code powerauth-token} command line tool ({@link org.opentokens.powerauth.token.cli.PowerAuthTokenCli}):
 * activate, check status, request tokens and print {@code X-PowerAuth-Token} headers for scripts, with the keys in
 * an encrypted SQLite file per user.
 */
package org.opentokens.powerauth.token.cli;
