package org.opentokens.powerauth.token.port.out;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test class's own PostgreSQL schema, as a JUnit extension: {@code @RegisterExtension static final
 * PostgresTestSchema POSTGRES = new PostgresTestSchema("label");}. Created before the class's tests
 * ({@link PostgresTestCluster#schemaFor}: a failure under {@code CI=true} without the cluster), each test skipped
 * with the reason when there is no cluster, and dropped after the class.
 */
public final class PostgresTestSchema implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final String label;
    private PostgresTestCluster cluster;

    /** @param label starts the schema's name (lower case, digits, underscores) */
    public PostgresTestSchema(String label) {
        this.label = label;
    }

    /** @return the class's schema in the cluster */
    public PostgresTestCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("register PostgresTestSchema as a static @RegisterExtension field");
        }
        return cluster;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = PostgresTestCluster.schemaFor(label);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        cluster().assumePresent();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
    }
}
