package dev.ratchet.sample.shops;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.ratchet.tenant.RatchetTenants;
import dev.ratchet.tenant.TenantResult;
import dev.ratchet.tenant.TenantStatus;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Onboards a shop as a tenant now, for the request that installs the app in a new shop: its schema
 * is created and migrated under its lock, without waiting for the next start-up. Answers 404 when
 * the application runs without tenants (the {@code tenants} profile is off).
 */
@RestController
@RequestMapping("/shops")
class ShopTenantController {

	private static final Pattern SHOP = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}(\\.myshopify\\.com)?");

	private final ObjectProvider<RatchetTenants> tenants;

	ShopTenantController(ObjectProvider<RatchetTenants> tenants) {
		this.tenants = tenants;
	}

	@PostMapping("/{shop}/tenant")
	ResponseEntity<TenantResult> onboard(@PathVariable String shop) {
		RatchetTenants available = this.tenants.getIfAvailable();
		String name = shop.toLowerCase(Locale.ROOT);
		if (available == null || !SHOP.matcher(name).matches()) {
			return ResponseEntity.notFound().build();
		}
		TenantResult result = available.migrateTenant(schemaOf(name));
		return (result.status() == TenantStatus.FAILED) ? ResponseEntity.internalServerError().body(result)
				: ResponseEntity.ok(result);
	}

	/**
	 * Returns the schema of a shop, as the tenant query of {@code application-tenants.properties} names it.
	 */
	static String schemaOf(String shop) {
		return "shop_" + shop.split("\\.", 2)[0].replaceAll("[^a-z0-9]", "_");
	}

}
