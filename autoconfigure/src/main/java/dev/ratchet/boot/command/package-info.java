/**
 * One-shot commands ({@code --ratchet.command=status|validate|migrate|plan|repair|baseline}):
 * the application starts without a web server, prints a report to standard output and exits with
 * the command's exit code.
 */
package dev.ratchet.boot.command;
