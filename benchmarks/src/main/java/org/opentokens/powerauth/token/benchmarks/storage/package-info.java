/**
 * Benchmark group 5: storage latency (put, get), an in-memory get for reference, and
 * {@code removeAllLocalTokens} over 10,000 stored tokens.
 */
package org.opentokens.powerauth.token.benchmarks.storage;
