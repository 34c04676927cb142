/**
 * Batched Java data migrations: {@link dev.ratchet.data.BatchedMigration} for tables too big for one
 * transaction, resumable batch by batch, with a ledger of failed items, a throttle, an optional
 * verification and background runs, and the progress they report.
 */
package dev.ratchet.data;
