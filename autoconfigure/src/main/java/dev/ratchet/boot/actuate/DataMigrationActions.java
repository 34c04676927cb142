package dev.ratchet.boot.actuate;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.ratchet.Ratchet;
import dev.ratchet.boot.data.BackgroundMigrationRunner;
import dev.ratchet.data.DataMigrationState;
import dev.ratchet.data.DataMigrationStatus;
import dev.ratchet.data.StateChangeRejectedException;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * What operators do to a batched data migration through the {@link MigrationsEndpoint}: pause,
 * resume, cancel, and process its failed items again. Each request is logged with the principal;
 * a resumed background migration runs again at once in this instance.
 */
public class DataMigrationActions {

	private static final Log logger = LogFactory.getLog(DataMigrationActions.class);

	private final Ratchet ratchet;

	private final BackgroundMigrationRunner background;

	/**
	 * Creates the actions.
	 * @param ratchet the engine
	 * @param background the background runner, to run a resumed background migration again, or
	 * {@code null}
	 */
	public DataMigrationActions(Ratchet ratchet, BackgroundMigrationRunner background) {
		this.ratchet = ratchet;
		this.background = background;
	}

	/**
	 * Performs an action.
	 * @param version the migration's version
	 * @param action {@code pause}, {@code resume}, {@code cancel} or {@code retry-failed}
	 * @param principal who asks, or {@code null}
	 * @return 200 with the new state, 400 for an unknown action, 404 for an unknown version, 409 when
	 * the state does not allow the action
	 */
	public WebEndpointResponse<DataMigrationActionDescriptor> perform(String version, String action,
			Principal principal) {
		String by = (principal != null) ? principal.getName() : null;
		String normalized = (action != null) ? action.trim().toLowerCase(Locale.ROOT) : "";
		logger.info("Data migration " + version + ": " + normalized + " requested through the migrations endpoint by "
				+ ((by != null) ? by : "an unauthenticated caller"));
		Optional<DataMigrationStatus> migration = find(version);
		if (migration.isEmpty()) {
			return response(404, version, normalized, null, "No batched data migration has version '" + version + "'");
		}
		try {
			DataMigrationState state = switch (normalized) {
				case "pause" -> this.ratchet.data().pause(version, by);
				case "resume" -> resume(version, by, migration.get().background());
				case "cancel" -> this.ratchet.data().cancel(version, by);
				case "retry-failed" -> {
					this.ratchet.retryFailed();
					yield find(version).map(DataMigrationStatus::state).orElse(null);
				}
				default -> null;
			};
			if (state == null) {
				return response(400, version, normalized, migration.get().state(), "Unknown action '" + action
						+ "'; use one of pause, resume, cancel, retry-failed");
			}
			return response(200, version, normalized, state, null);
		}
		catch (StateChangeRejectedException ex) {
			logger.info(ex.getMessage());
			return response(409, version, normalized, ex.getState(), ex.getMessage());
		}
	}

	private DataMigrationState resume(String version, String by, boolean background) {
		DataMigrationState state = this.ratchet.data().resume(version, by);
		if (background && this.background != null) {
			this.background.runAgain();
		}
		return state;
	}

	private Optional<DataMigrationStatus> find(String version) {
		return this.ratchet.dataMigrations()
			.stream()
			.filter((migration) -> migration.version().toString().equals(version))
			.findFirst();
	}

	private static WebEndpointResponse<DataMigrationActionDescriptor> response(int status, String version,
			String action, DataMigrationState state, String message) {
		return new WebEndpointResponse<>(new DataMigrationActionDescriptor(version, action, state, message), status);
	}

	/**
	 * The answer to an action.
	 * @param version the migration's version
	 * @param action the action asked for
	 * @param state the migration's state: the new one on success, the one that refused the action on 409
	 * @param message why the action was refused, or {@code null}
	 */
	public record DataMigrationActionDescriptor(String version, String action, DataMigrationState state,
			String message) {
	}

}
