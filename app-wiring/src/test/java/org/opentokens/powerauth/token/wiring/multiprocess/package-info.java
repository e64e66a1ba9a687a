/**
 * One activation shared by several JVMs over one SQLite file: worker processes started from the tests, real
 * HTTP against the testkit emulator, and SIGKILL while a worker holds the instance's exclusive section.
 */
package org.opentokens.powerauth.token.wiring.multiprocess;
