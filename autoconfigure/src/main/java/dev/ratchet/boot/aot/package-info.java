/**
 * Spring AOT and GraalVM native-image support: runtime hints for the migrations an application
 * ships and for what Ratchet loads by name.
 */
package dev.ratchet.boot.aot;
