package dev.ratchet.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.ratchet.history.RatchetTable;

/**
 * What a session has set for itself at one moment: its role ({@code SET ROLE}) and every setting
 * changed with a session-level {@code SET} or {@code set_config} (the application's
 * {@code connection-init-sql}, Ratchet's own, or a migration's). {@link #restore(Connection)} puts
 * exactly these values back: a setting set since is reset to what the connection started with
 * (its startup parameters and the server's configuration stay), one changed since gets its captured
 * value again. Custom settings that no loaded module defines ({@code myapp.x}) are not listed by
 * the server and are left as they are.
 */
final class SessionState {

	private static final String READ = """
			SELECT current_setting('role'), name, setting FROM pg_settings
			WHERE source = 'session' AND name NOT IN ('role', 'session_authorization')
			UNION ALL SELECT current_setting('role'), NULL, NULL""";

	private static final String NO_ROLE = "none";

	private final String role;

	private final Map<String, String> settings;

	private SessionState(String role, Map<String, String> settings) {
		this.role = role;
		this.settings = settings;
	}

	/**
	 * Reads the session's current state.
	 * @param connection the session
	 * @return its state
	 * @throws SQLException on a database error
	 */
	static SessionState capture(Connection connection) throws SQLException {
		String role = null;
		Map<String, String> settings = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(READ)) {
			while (rs.next()) {
				role = rs.getString(1);
				if (rs.getString(2) != null) {
					settings.put(rs.getString(2), rs.getString(3));
				}
			}
		}
		return new SessionState(role, settings);
	}

	/**
	 * Puts the captured state back on the session: one round trip to read what differs, and one
	 * more only when something does. Inside a transaction the restored values take effect at once
	 * and become the session's when it commits.
	 * @param connection the session
	 * @throws SQLException on a database error
	 */
	void restore(Connection connection) throws SQLException {
		SessionState now = capture(connection);
		StringBuilder sql = new StringBuilder();
		List<String> values = new ArrayList<>();
		if (!this.role.equals(now.role)) {
			sql.append(NO_ROLE.equals(this.role) ? "RESET ROLE" : "SET ROLE " + RatchetTable.quote(this.role))
				.append(";\n");
		}
		for (String name : now.settings.keySet()) {
			if (!this.settings.containsKey(name)) {
				sql.append("RESET ").append(name(name)).append(";\n");
			}
		}
		for (Map.Entry<String, String> setting : this.settings.entrySet()) {
			if (!setting.getValue().equals(now.settings.get(setting.getKey()))) {
				sql.append("SELECT set_config(?, ?, false);\n");
				values.add(setting.getKey());
				values.add(setting.getValue());
			}
		}
		if (sql.isEmpty()) {
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			for (int i = 0; i < values.size(); i++) {
				statement.setString(i + 1, values.get(i));
			}
			statement.execute();
		}
	}

	private static String name(String setting) {
		return setting.matches("[a-z_][a-z0-9_.]*") ? setting : RatchetTable.quote(setting);
	}

	String role() {
		return this.role;
	}

	Map<String, String> settings() {
		return Map.copyOf(this.settings);
	}

}
