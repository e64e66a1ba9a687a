/**
 * The PowerAuth 3.x hash-based signature counter ({@code CTR_DATA}, {@code CTR_BYTE}) and its
 * resynchronization from the activation status blob.
 */
package org.opentokens.powerauth.token.domain.internal.counter;
