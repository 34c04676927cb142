package dev.ratchet.data;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FailurePolicyTests {

	@Test
	void failFastIsExceededByTheFirstFailure() {
		FailurePolicy policy = FailurePolicy.failFast();
		assertThat(policy.isSkipping()).isFalse();
		assertThat(policy.isExceeded(0, 100, OptionalLong.empty())).isFalse();
		assertThat(policy.isExceeded(1, 100, OptionalLong.empty())).isTrue();
	}

	@Test
	void countAllowsThatManyFailedItems() {
		FailurePolicy policy = FailurePolicy.skipUpTo(2);
		assertThat(policy.isSkipping()).isTrue();
		assertThat(policy.isExceeded(2, 3, OptionalLong.empty())).isFalse();
		assertThat(policy.isExceeded(3, 1_000_000, OptionalLong.empty())).isTrue();
		assertThat(policy).hasToString("skip up to 2 failed items");
	}

	@Test
	void ratioIsOfTheTotalWhenKnown() {
		FailurePolicy policy = FailurePolicy.skipUpToRatio(0.01);
		assertThat(policy.isExceeded(5, 100, OptionalLong.of(1000))).isFalse();
		assertThat(policy.isExceeded(11, 100, OptionalLong.of(1000))).isTrue();
	}

	@Test
	void ratioIsOfTheItemsSeenWithoutATotal() {
		FailurePolicy policy = FailurePolicy.skipUpToRatio(0.01);
		assertThat(policy.isExceeded(1, 100, OptionalLong.empty())).isFalse();
		assertThat(policy.isExceeded(2, 100, OptionalLong.empty())).isTrue();
		assertThat(policy.isExceeded(0, 0, OptionalLong.empty())).isFalse();
	}

	@Test
	void invalidThresholdsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> FailurePolicy.skipUpTo(-1));
		assertThatIllegalArgumentException().isThrownBy(() -> FailurePolicy.skipUpToRatio(1.5))
			.withMessage("maxFailedRatio must be between 0 and 1, was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> BatchOptions.defaults().withBatchSize(0))
			.withMessage("batchSize must be at least 1, was 0");
	}

}
