/** Signed calls per second when one SQLite store, and so one activation, is shared by several JVMs. */
package org.opentokens.powerauth.token.benchmarks.multiprocess;
