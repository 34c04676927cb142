package dev.ratchet.bench;

import java.nio.file.Path;

final class LargeScriptScenario {

	LargeScriptScenario(Settings settings, Path work, Object... rest) {
	}

	void run() {
	}

}
