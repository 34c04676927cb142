package dev.ratchet.sample.chat;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.util.Assert;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * REST API for chatbots: create them, give them new versions, start conversations, read their stats.
 */
@RestController
@RequestMapping("/chatbots")
public class ChatbotController {

	private final ChatbotRepository chatbots;

	private final ConversationRepository conversations;

	ChatbotController(ChatbotRepository chatbots, ConversationRepository conversations) {
		this.chatbots = chatbots;
		this.conversations = conversations;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Chatbot create(@RequestBody NewChatbot request) {
		return this.chatbots.create(request.shop(), request.name(), request.systemPrompt(), request.modelName());
	}

	@GetMapping
	List<Chatbot> list() {
		return this.chatbots.findAll();
	}

	@GetMapping("/{id}")
	Chatbot get(@PathVariable long id) {
		return this.chatbots.find(id).orElseThrow(() -> notFound(id));
	}

	@PostMapping("/{id}/versions")
	@ResponseStatus(HttpStatus.CREATED)
	Chatbot addVersion(@PathVariable long id, @RequestBody NewVersion request) {
		return this.chatbots.addVersion(id, request.systemPrompt(), request.modelName()).orElseThrow(() -> notFound(id));
	}

	@PostMapping("/{id}/conversations")
	@ResponseStatus(HttpStatus.CREATED)
	Conversation startConversation(@PathVariable long id, @RequestBody(required = false) NewConversation request) {
		String customerId = (request != null) ? request.customerId() : null;
		return this.conversations.start(id, customerId).orElseThrow(() -> notFound(id));
	}

	@GetMapping("/{id}/stats")
	ChatbotStats stats(@PathVariable long id) {
		return this.chatbots.stats(id).orElseThrow(() -> notFound(id));
	}

	@ExceptionHandler
	ProblemDetail duplicateName(DuplicateKeyException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "This shop already has a chatbot with that name");
	}

	private static ResponseStatusException notFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No chatbot with id " + id);
	}

	/**
	 * Request to create a chatbot.
	 * @param shop the shop it answers for
	 * @param name its name, unique within the shop
	 * @param systemPrompt the system prompt of its version 1
	 * @param modelName the model of its version 1
	 */
	public record NewChatbot(String shop, String name, String systemPrompt, String modelName) {

		public NewChatbot {
			Assert.hasText(shop, "shop must not be empty");
			Assert.hasText(name, "name must not be empty");
			Assert.hasText(systemPrompt, "systemPrompt must not be empty");
			Assert.hasText(modelName, "modelName must not be empty");
		}

	}

	/**
	 * Request to give a chatbot a new version.
	 * @param systemPrompt the new system prompt
	 * @param modelName the new model
	 */
	public record NewVersion(String systemPrompt, String modelName) {

		public NewVersion {
			Assert.hasText(systemPrompt, "systemPrompt must not be empty");
			Assert.hasText(modelName, "modelName must not be empty");
		}

	}

	/**
	 * Request to start a conversation.
	 * @param customerId the customer, or {@code null} when anonymous
	 */
	public record NewConversation(String customerId) {
	}

}
