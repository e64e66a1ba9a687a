/**
 * JMH benchmarks of the library's hot paths against Wultra's reference client and the physical floor. Run the
 * whole suite with {@link org.opentokens.powerauth.token.benchmarks.suite.BenchmarkSuite}; it writes a report of
 * ratios and targets. Benchmark code, not library API.
 */
package org.opentokens.powerauth.token.benchmarks;
