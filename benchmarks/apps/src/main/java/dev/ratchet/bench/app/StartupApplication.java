package dev.ratchet.bench.app;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * The start-up benchmark's app, built three times: with the Ratchet starter, with the Flyway
 * starter and with no migration tool. It prints when it is ready and exits, so the harness times
 * the start-up and nothing else. With {@code --bench.connect=true} it first opens one connection,
 * as any app that uses its database soon does: a floor that includes the JDBC driver and the pool.
 */
@SpringBootApplication
public class StartupApplication {

	public static void main(String[] args) {
		SpringApplication.run(StartupApplication.class, args);
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready(ApplicationReadyEvent event) throws SQLException {
		if (event.getApplicationContext().getEnvironment().getProperty("bench.connect", Boolean.class, false)) {
			try (Connection connection = event.getApplicationContext().getBean(DataSource.class).getConnection()) {
				connection.isValid(5);
			}
		}
		// The harness reads this line. CPU time is the JVM's own work, which a busy machine
		// disturbs far less than wall time.
		long cpuNanos = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
		System.out.println("BENCH-READY " + ManagementFactory.getRuntimeMXBean().getUptime() + " " + cpuNanos / 1_000_000
				+ " " + ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount());
		System.out.flush();
		// exit, not halt: a flight recording (-XX:StartFlightRecording) is written on the way out
		System.exit(0);
	}

}
