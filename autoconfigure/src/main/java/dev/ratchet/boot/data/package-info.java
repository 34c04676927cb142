/**
 * Java data migrations written with Spring JDBC: {@link dev.ratchet.boot.data.SpringJavaMigration}
 * (one transaction), {@link dev.ratchet.boot.data.SpringBatchedMigration} (batch by batch), and the
 * runner of background data migrations once the application is ready.
 */
package dev.ratchet.boot.data;
