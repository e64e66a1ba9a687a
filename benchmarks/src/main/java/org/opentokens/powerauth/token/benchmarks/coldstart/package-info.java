/**
 * Benchmark group 6: cold start, timed as whole processes. {@link org.opentokens.powerauth.token.benchmarks.coldstart.CliColdStart}
 * prepares a CLI store (raw key, activation, token, a trusted stored time offset) against the emulator and times
 * {@code bin/powerauth-token token header NAME} against the floor, a trivial main class of the same jar started by
 * the same launcher; {@link org.opentokens.powerauth.token.benchmarks.coldstart.Deployment} says which JVM and
 * tuning each pair runs with.
 */
package org.opentokens.powerauth.token.benchmarks.coldstart;
