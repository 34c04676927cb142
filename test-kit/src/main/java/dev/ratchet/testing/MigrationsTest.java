package dev.ratchet.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTestContextBootstrapper;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A Spring Boot test slice for migrations, in the manner of {@code @DataJdbcTest}: starts only
 * DataSource, JDBC, transaction and Ratchet auto-configuration, with the application's
 * {@link dev.ratchet.JavaMigration Java migration} beans (components that are migrations, and
 * {@code @Configuration} classes that declare them) and no other component. Ratchet migrates at
 * start-up as the application does, so a test finds the schema migrated and can inject
 * {@link dev.ratchet.Ratchet}, {@code JdbcClient} or the {@code DataSource}.
 * <p>
 * The database is a new one on the {@link PostgresServer}, dropped when the context closes, unless
 * the test gives its own: {@code spring.datasource.url} or a connection-details bean (for example a
 * Testcontainers {@code @ServiceConnection}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(SpringBootTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(MigrationsTypeExcludeFilter.class)
@ImportAutoConfiguration
public @interface MigrationsTest {

}
