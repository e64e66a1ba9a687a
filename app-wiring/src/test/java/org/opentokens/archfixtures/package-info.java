/**
 * Deliberate rule violators for {@code RulesBiteTest}: each class breaks exactly the rule its name describes,
 * so a rule that silently matches nothing would be caught.
 */
package org.opentokens.archfixtures;
