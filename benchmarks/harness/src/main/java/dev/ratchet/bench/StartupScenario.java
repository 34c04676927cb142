package dev.ratchet.bench;

import java.nio.file.Path;

final class StartupScenario {

	StartupScenario(Settings settings, Path work, Object... rest) {
	}

	void run() {
	}

}
