/**
 * {@link org.opentokens.powerauth.token.port.out.SecureStorage} in PostgreSQL tables through JDBI, over a
 * {@link javax.sql.DataSource} the host provides, encrypted at rest like the SQLite adapter:
 * {@link org.opentokens.powerauth.token.adapter.storage.postgres.PostgresSecureStorage}. Several service replicas
 * on one database share one activation.
 */
package org.opentokens.powerauth.token.adapter.storage.postgres;
