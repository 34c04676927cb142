/**
 * The console page: the {@code migrations} endpoint in a browser, with pause, resume, cancel and
 * retry buttons when the endpoint's write operation is enabled.
 */
package dev.ratchet.boot.console;
