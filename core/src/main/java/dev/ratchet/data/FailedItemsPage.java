package dev.ratchet.data;

import java.util.List;

/**
 * One page of the ledger of failed items of a batched data migration, read on the server, so that a
 * ledger of any size can be browsed and searched.
 * @param items the page's items, oldest failure first
 * @param total how many items match, on every page
 */
public record FailedItemsPage(List<FailedItem> items, long total) {

	public FailedItemsPage {
		items = List.copyOf(items);
	}

}
