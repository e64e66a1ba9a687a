/**
 * The README's code, compiled and run against the emulator by the build; {@code ReadmeSnippetsTest} keeps each README
 * snippet identical to the lines between {@code README-BEGIN} and {@code README-END} here, with the file's imports.
 */
package org.opentokens.powerauth.examples;
