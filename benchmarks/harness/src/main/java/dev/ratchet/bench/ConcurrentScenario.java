package dev.ratchet.bench;

import java.nio.file.Path;

final class ConcurrentScenario {

	ConcurrentScenario(Settings settings, Path work, Object... rest) {
	}

	void run() {
	}

}
