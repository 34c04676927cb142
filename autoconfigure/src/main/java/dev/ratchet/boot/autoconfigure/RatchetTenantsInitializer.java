package dev.ratchet.boot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.boot.autoconfigure.TenantsProperties.OnFailure;
import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.tenant.TenantsFailedException;
import dev.ratchet.tenant.TenantsReport;

import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the tenants during start-up, once the main schema is migrated. Every tenant is run; then,
 * when some failed, the start-up fails naming each (or, with {@code ratchet.tenants.on-failure=continue},
 * goes on with health DOWN).
 */
public class RatchetTenantsInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(RatchetTenantsInitializer.class);

	private final RatchetTenants tenants;

	private final OnFailure onFailure;

	private final boolean migrate;

	/**
	 * Creates a new initializer.
	 * @param tenants the tenants
	 * @param onFailure what to do when a tenant fails
	 * @param migrate whether to migrate them ({@code false} in validate mode: they are only checked)
	 */
	public RatchetTenantsInitializer(RatchetTenants tenants, OnFailure onFailure, boolean migrate) {
		this.tenants = tenants;
		this.onFailure = onFailure;
		this.migrate = migrate;
	}

	@Override
	public void afterPropertiesSet() {
		TenantsReport report = this.migrate ? this.tenants.migrate() : this.tenants.status();
		if (report.failed() == 0) {
			return;
		}
		if (this.onFailure == OnFailure.FAIL) {
			throw new TenantsFailedException(report);
		}
		logger.error(new TenantsFailedException(report).getMessage()
				+ "\nThe application starts anyway (ratchet.tenants.on-failure=continue); health is DOWN.");
	}

}
