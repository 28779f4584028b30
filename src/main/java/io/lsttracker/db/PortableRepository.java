package io.lsttracker.db;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Micronaut Data JDBC repository whose SQL runs unchanged on H2 and on PostgreSQL, so that one jar serves
 * both and LST_DB_URL alone picks the database.
 *
 * <p>Micronaut Data computes a repository's SQL when it compiles it, for the dialect the repository names;
 * the runtime setting {@code datasources.default.dialect} does not recompute it (Micronaut Data's guide,
 * "Setting the Dialect"). So every repository is compiled for PostgreSQL, the production database, through this
 * one annotation, and keeps to SQL that H2 runs the same way: table and column names unquoted (each row is
 * {@code @MappedEntity(escape = false)}; quoted names are case-sensitive, and the two databases fold unquoted
 * names to opposite cases), LIMIT for the first rows, no casts and no RETURNING. The store contract tests run
 * every repository on both databases.
 */
@JdbcRepository(dialect = Dialect.POSTGRES)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PortableRepository {
}
