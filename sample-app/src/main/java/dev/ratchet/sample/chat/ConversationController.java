package dev.ratchet.sample.chat;

import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API for the messages of a conversation.
 */
@RestController
@RequestMapping("/conversations/{id}/messages")
public class ConversationController {

	private final ConversationRepository conversations;

	ConversationController(ConversationRepository conversations) {
		this.conversations = conversations;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Message add(@PathVariable long id, @RequestBody NewMessage request) {
		return this.conversations.addMessage(id, request.role(), request.content()).orElseThrow(() -> notFound(id));
	}

	@GetMapping
	List<Message> list(@PathVariable long id) {
		return this.conversations.messages(id).orElseThrow(() -> notFound(id));
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No conversation with id " + id);
	}

	/**
	 * Request to add a message.
	 * @param role {@code user}, {@code assistant} or {@code system}
	 * @param content the text
	 */
	public record NewMessage(String role, String content) {

		private static final Set<String> ROLES = Set.of("user", "assistant", "system");

		public NewMessage {
			Assert.isTrue(ROLES.contains(role), "role must be one of " + ROLES);
			Assert.hasText(content, "content must not be empty");
		}

	}

}
