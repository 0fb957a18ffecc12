package io.colony.manager.internal.store;

import java.sql.Types;
import java.util.Locale;

/**
 * The few column types that differ between the databases the store runs on, chosen from
 * {@link java.sql.DatabaseMetaData#getDatabaseProductName()}. Everything else the store writes is standard SQL that
 * H2 and PostgreSQL both take.
 */
enum Dialect {
    /** H2: large objects, since its VARBINARY and VARCHAR stop at 1,000,000. */
    H2("BINARY LARGE OBJECT", "CHARACTER LARGE OBJECT", Types.BLOB),
    /** PostgreSQL: BYTEA and TEXT have no declared limit; its BLOB would be an OID into the large object store. */
    POSTGRESQL("BYTEA", "TEXT", Types.BINARY),
    /** Any other database: the SQL standard's large object types. */
    STANDARD("BLOB", "CLOB", Types.BLOB);

    final String binaryType;
    final String textType;
    /** The {@link Types} to give {@link java.sql.PreparedStatement#setNull} for a binary column. */
    final int binarySqlType;

    Dialect(String binaryType, String textType, int binarySqlType) {
        this.binaryType = binaryType;
        this.textType = textType;
        this.binarySqlType = binarySqlType;
    }

    static Dialect of(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        return STANDARD;
    }

    /** Replaces {@code ${BINARY}} and {@code ${TEXT}} in a DDL statement. */
    String ddl(String statement) {
        return statement.replace("${BINARY}", binaryType).replace("${TEXT}", textType);
    }
}
