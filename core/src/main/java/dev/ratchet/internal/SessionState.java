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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	private static final String RESTORE_QUOTE = "$ratchet_restore$";

	private static final Pattern PLACEHOLDER = Pattern.compile("%(ROLE|ROLE_SQL|NAMES|VALUES)%");

	// What restore() does, on the server: read what the session has now (as READ does, before changing
	// anything), then put the role back, reset what was set since and set again what changed since.
	private static final String RESTORE = """
			DO $ratchet_restore$
			DECLARE
			  names text[] := %NAMES%;
			  vals text[] := %VALUES%;
			  now_names text[];
			  now_vals text[];
			  role_now text := current_setting('role');
			  i int;
			BEGIN
			  SELECT coalesce(array_agg(name), '{}'), coalesce(array_agg(setting), '{}') INTO now_names, now_vals
			    FROM pg_settings WHERE source = 'session' AND name NOT IN ('role', 'session_authorization');
			  IF role_now <> %ROLE% THEN
			    EXECUTE %ROLE_SQL%;
			  END IF;
			  FOR i IN 1 .. coalesce(array_length(now_names, 1), 0) LOOP
			    IF NOT (now_names[i] = ANY (names)) THEN
			      EXECUTE 'RESET ' || CASE WHEN now_names[i] ~ '^[a-z_][a-z0-9_.]*$' THEN now_names[i]
			                               ELSE quote_ident(now_names[i]) END;
			    END IF;
			  END LOOP;
			  FOR i IN 1 .. coalesce(array_length(names, 1), 0) LOOP
			    IF now_vals[array_position(now_names, names[i])] IS DISTINCT FROM vals[i] THEN
			      PERFORM set_config(names[i], vals[i], false);
			    END IF;
			  END LOOP;
			END $ratchet_restore$""";

	private final String role;

	private final Map<String, String> settings;

	// Written once: a run's migrations all go back to the same state.
	private String restoreStatement;

	private boolean restoreWritten;

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
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(READ)) {
			return read(rs);
		}
	}

	/**
	 * Returns the query that reads the session's state, for a caller that sends it together with
	 * other statements; read its result with {@link #read(ResultSet)}.
	 * @return the query, without parameters
	 */
	static String query() {
		return READ;
	}

	/**
	 * Reads the result of {@link #query()}.
	 * @param rs the result
	 * @return the state
	 * @throws SQLException on a database error
	 */
	static SessionState read(ResultSet rs) throws SQLException {
		String role = null;
		Map<String, String> settings = new LinkedHashMap<>();
		while (rs.next()) {
			role = rs.getString(1);
			if (rs.getString(2) != null) {
				settings.put(rs.getString(2), rs.getString(3));
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

	/**
	 * Returns a statement that does what {@link #restore(Connection)} does, reading and comparing on
	 * the server, for a caller that sends it with other statements in one round trip (the history row
	 * and the commit). The captured values are written into it.
	 * @return the statement, or {@code null} when a captured value cannot be written into it (the
	 * caller then restores with {@link #restore(Connection)})
	 */
	String restoreStatement() {
		if (!this.restoreWritten) {
			this.restoreStatement = writeRestoreStatement();
			this.restoreWritten = true;
		}
		return this.restoreStatement;
	}

	private String writeRestoreStatement() {
		StringBuilder names = new StringBuilder();
		StringBuilder values = new StringBuilder();
		for (Map.Entry<String, String> setting : this.settings.entrySet()) {
			if (setting.getValue() == null) {
				return null;
			}
			names.append(names.isEmpty() ? "" : ", ").append(literal(setting.getKey()));
			values.append(values.isEmpty() ? "" : ", ").append(literal(setting.getValue()));
		}
		Map<String, String> parts = Map.of("ROLE", literal(this.role), "ROLE_SQL",
				literal(NO_ROLE.equals(this.role) ? "RESET ROLE" : "SET ROLE " + RatchetTable.quote(this.role)), "NAMES",
				"ARRAY[" + names + "]::text[]", "VALUES", "ARRAY[" + values + "]::text[]");
		// One pass, so that no value is read as a placeholder.
		String sql = PLACEHOLDER.matcher(RESTORE)
			.replaceAll((match) -> Matcher.quoteReplacement(parts.get(match.group(1))));
		// A value that holds the body's quote would end it.
		return (sql.split(Pattern.quote(RESTORE_QUOTE), -1).length == 3) ? sql : null;
	}

	// Escape-string syntax reads the same whatever standard_conforming_strings is.
	private static String literal(String value) {
		return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
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
