/**
 * The reliability suite's client-side part (issue 7): every endpoint under injected faults, concurrency stress of
 * the token store and activation-loss races, over real HTTP against the testkit emulator with clients built by
 * Guice. Classes tagged {@code reliability} size themselves with {@code Reliability.pick} and report figures with
 * {@code Reliability.record}; the untagged ones are regression tests of defects the suite found.
 */
package org.opentokens.powerauth.token.wiring.reliability;
