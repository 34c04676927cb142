package dev.ratchet.sample.creators;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much demo data {@link DemoShops} loads.
 * @param chatbots number of demo chatbots, five per shop; 0 loads none
 */
@ConfigurationProperties("sample.demo")
public record DemoDataProperties(@DefaultValue("100") int chatbots) {
}
