/**
 * Chatbot creators: the demo data and the batched backfill that assigns existing chatbots their
 * creator, recording those whose creator has no user in the ledger of failed items.
 */
package dev.ratchet.sample.creators;
