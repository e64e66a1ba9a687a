/**
 * Benchmark group 6: cold start, timed as whole processes. {@link ColdStartMain} is the process: JVM start,
 * Guice injector with the storage, first token header. {@link ColdStartProbe} prepares a stored activation and
 * token against the emulator over loopback HTTP and times several such processes.
 */
package org.opentokens.powerauth.token.benchmarks.coldstart;
