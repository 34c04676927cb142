package dev.ratchet;

/**
 * What {@code baseline} did.
 * @param version the baseline version
 * @param created whether a baseline row was written ({@code false} when the same baseline existed)
 */
public record BaselineResult(MigrationVersion version, boolean created) {
}
