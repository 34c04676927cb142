package dev.ratchet.boot.autoconfigure;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Chooses the DataSource that Ratchet migrates with: one marked {@link RatchetDataSource}, else
 * one built from {@code ratchet.url}, else the application's (as {@code ratchet.username}, when
 * set). Boot builds the application's DataSource from {@code JdbcConnectionDetails}, so a
 * Testcontainers {@code @ServiceConnection} applies.
 */
final class MigrationDataSource {

	private MigrationDataSource() {
	}

	static DataSource select(DataSource ratchetDataSource, DataSource applicationDataSource,
			RatchetProperties properties) {
		if (ratchetDataSource != null) {
			return ratchetDataSource;
		}
		if (StringUtils.hasText(properties.getUrl())) {
			return DataSourceBuilder.create()
				.type(SimpleDriverDataSource.class)
				.url(properties.getUrl())
				.username(properties.getUsername())
				.password(properties.getPassword())
				.build();
		}
		if (applicationDataSource == null) {
			throw new IllegalStateException("Ratchet has no DataSource to migrate with: the application has "
					+ "none (or several, none of them @Primary). Mark one with @RatchetDataSource or @Primary, "
					+ "or set ratchet.url.");
		}
		if (StringUtils.hasText(properties.getUsername())) {
			return DataSourceBuilder.derivedFrom(applicationDataSource)
				.type(SimpleDriverDataSource.class)
				.username(properties.getUsername())
				.password(properties.getPassword())
				.build();
		}
		return applicationDataSource;
	}

}
