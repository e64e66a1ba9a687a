/**
 * The suite runner: each comparison group runs in one JVM of its own, its sides interleaved round by round, and
 * the results become a Markdown report of ratios and targets.
 */
package org.opentokens.powerauth.token.benchmarks.suite;
