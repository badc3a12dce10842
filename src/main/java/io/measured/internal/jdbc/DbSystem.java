package io.measured.internal.jdbc;

import java.util.Locale;

/**
 * The OpenTelemetry semantic conventions' {@code db.system.name} of a database, from the product
 * name its JDBC driver reports ({@code DatabaseMetaData.getDatabaseProductName()}). Stateless.
 */
final class DbSystem {

    /** What the conventions name a SQL database they do not list. */
    static final String OTHER_SQL = "other_sql";

    private static final String[][] BY_PRODUCT = {
        {"h2", "h2database"},
        {"postgresql", "postgresql"},
        {"mariadb", "mariadb"},
        {"mysql", "mysql"},
        {"oracle", "oracle.db"},
        {"microsoft sql server", "microsoft.sql_server"},
        {"apache derby", "derby"},
        {"hsql", "hsqldb"},
        {"db2", "ibm.db2"},
        {"sqlite", "sqlite"},
        {"cockroach", "cockroachdb"},
        {"clickhouse", "clickhouse"},
        {"firebird", "firebirdsql"},
        {"informix", "ibm.informix"},
        {"sap hana", "sap.hana"},
        {"hdb", "sap.hana"},
        {"teradata", "teradata"},
        {"trino", "trino"},
    };

    private DbSystem() {
    }

    /** The conventions' name of a product; {@value #OTHER_SQL} for one they do not list, or null. */
    static String of(String productName) {
        if (productName == null) {
            return OTHER_SQL;
        }
        String product = productName.toLowerCase(Locale.ROOT);
        for (String[] known : BY_PRODUCT) {
            if (product.startsWith(known[0]) || product.contains(known[0])) {
                return known[1];
            }
        }
        return OTHER_SQL;
    }
}
