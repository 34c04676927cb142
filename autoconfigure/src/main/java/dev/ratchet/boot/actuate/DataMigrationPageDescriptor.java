package dev.ratchet.boot.actuate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import dev.ratchet.boot.report.DataMigrationDescriptor;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.data.FailedItemsPage;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * What {@code GET /actuator/migrations/{version}} returns: the data migration, in the shape of an
 * entry of {@code dataMigrations}, its {@code failedItems} being the page asked for, and where that
 * page stands in the ledger.
 * @param dataMigration the data migration, with the page of failed items, written at the top level
 * @param failedItemsPage which page it is and how many items match
 */
public record DataMigrationPageDescriptor(@JsonUnwrapped DataMigrationDescriptor dataMigration,
		PageDescriptor failedItemsPage) implements OperationResponseBody {

	static DataMigrationPageDescriptor of(DataMigrationStatus status, FailedItemsPage page, int number, int size,
			String key) {
		return new DataMigrationPageDescriptor(DataMigrationDescriptor.of(status, page.items()),
				new PageDescriptor(number, size, page.total(), (page.total() + size - 1) / size,
						(key != null && !key.isEmpty()) ? key : null));
	}

	/**
	 * A page of a ledger of failed items.
	 * @param page the page, from 0
	 * @param size items per page
	 * @param total how many items match the key, on all pages
	 * @param pages how many pages they fill
	 * @param key what the keys start with, or {@code null} (and left out) for every item
	 */
	public record PageDescriptor(int page, int size, long total, long pages,
			@JsonInclude(JsonInclude.Include.NON_NULL) String key) {
	}

}
