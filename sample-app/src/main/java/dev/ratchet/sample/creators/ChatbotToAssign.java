package dev.ratchet.sample.creators;

/**
 * A chatbot that has no creator yet.
 * @param id its id
 * @param shop its shop
 */
record ChatbotToAssign(long id, String shop) {
}
