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

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * What operators do to a batched data migration through the {@link MigrationsEndpoint}: pause,
 * resume, cancel, and process its failed items again. With an operator role (when Spring Security
 * is present), only callers in that role may: others get 401 (not authenticated) or 403. Each
 * request is logged with the principal's name, which is stored as who made the state change; a
 * resumed background migration runs again at once in this instance.
 */
public class DataMigrationActions {

	private static final Log logger = LogFactory.getLog(DataMigrationActions.class);

	private final Ratchet ratchet;

	private final BackgroundMigrationRunner background;

	private final String operatorRole;

	/**
	 * Creates the actions, open to every caller that reaches the write operation.
	 * @param ratchet the engine
	 * @param background the background runner, to run a resumed background migration again, or
	 * {@code null}
	 */
	public DataMigrationActions(Ratchet ratchet, BackgroundMigrationRunner background) {
		this(ratchet, background, null);
	}

	/**
	 * Creates the actions.
	 * @param ratchet the engine
	 * @param background the background runner, to run a resumed background migration again, or
	 * {@code null}
	 * @param operatorRole the role a caller needs, or {@code null} for none
	 */
	public DataMigrationActions(Ratchet ratchet, BackgroundMigrationRunner background, String operatorRole) {
		this.ratchet = ratchet;
		this.background = background;
		this.operatorRole = operatorRole;
	}

	/**
	 * Performs an action.
	 * @param version the migration's version
	 * @param action {@code pause}, {@code resume}, {@code cancel} or {@code retry-failed}
	 * @param caller who asks
	 * @return 200 with the new state, 400 for an unknown action, 401 or 403 for a caller without the
	 * operator role, 404 for an unknown version, 409 when the state does not allow the action
	 */
	public WebEndpointResponse<DataMigrationActionDescriptor> perform(String version, String action,
			SecurityContext caller) {
		Principal principal = caller.getPrincipal();
		String by = (principal != null) ? principal.getName() : null;
		String normalized = (action != null) ? action.trim().toLowerCase(Locale.ROOT) : "";
		String who = (by != null) ? by : "anonymous (no principal)";
		if (this.operatorRole != null && (by == null || !caller.isUserInRole(this.operatorRole))) {
			logger.warn("Data migration " + version + ": " + normalized + " refused through the migrations endpoint to "
					+ who + ", who is not in the role " + this.operatorRole);
			return response((by == null) ? 401 : 403, version, normalized, null, "Changing data migrations through "
					+ "this endpoint needs the role " + this.operatorRole + " (ratchet.data.operator-role)");
		}
		logger.info("Data migration " + version + ": " + normalized + " requested through the migrations endpoint by "
				+ who);
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
