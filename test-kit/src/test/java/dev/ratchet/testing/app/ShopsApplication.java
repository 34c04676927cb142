package dev.ratchet.testing.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A service whose migrations {@link MigrationsTestIntegrationTests} checks with the slice.
 */
@SpringBootApplication
public class ShopsApplication {

}
