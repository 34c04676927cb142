package dev.ratchet.boot.autoconfigure.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An entity mapped to a table that only a migration creates.
 */
@Entity
@Table(name = "session")
public class ChatSession {

	@Id
	private Long id;

	private String userName;

	public Long getId() {
		return this.id;
	}

	public String getUserName() {
		return this.userName;
	}

}
