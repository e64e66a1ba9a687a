/**
 * Benchmark groups 1 and 2: {@code X-PowerAuth-Token} header generation through the token store on a cached
 * token, against Wultra's client path and the physical floor, and its throughput on one and two threads.
 */
package org.opentokens.powerauth.token.benchmarks.header;
