package dev.ratchet.testing.app;

import org.springframework.stereotype.Component;

/**
 * An application component that is not a migration: the slice leaves it out.
 */
@Component
class ShopController {

}
