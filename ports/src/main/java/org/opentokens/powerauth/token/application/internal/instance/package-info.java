/**
 * What one client instance holds in storage, shared safely between threads and processes.
 *
 * <p>{@link org.opentokens.powerauth.token.application.internal.instance.InstanceStore} owns the storage layout (the
 * namespace, entry names, record codecs) and runs transactions inside the namespace's cross-process exclusive
 * section. {@link org.opentokens.powerauth.token.application.internal.instance.InstanceState} hands out immutable
 * snapshots and cached tokens, notices other processes' writes through the storage's change signal, and
 * publishes what a transaction changed. The services ask for a snapshot or run a transaction; none of them
 * touches a lock.
 */
package org.opentokens.powerauth.token.application.internal.instance;
