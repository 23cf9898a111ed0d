/*
 * Copyright 2026 the cors-gateway authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.corsgateway.reload;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.InvalidCorsPolicyException;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.reload.ReloadResult.Outcome;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link CorsPolicyReloader}, without a Spring context: swapping, keeping the
 * policies in force when the new ones are invalid, what is logged, the status, and which
 * policies the reloader may replace.
 *
 * @author cors-gateway authors
 */
class CorsPolicyReloaderTests {

	private static final String SHOP = "https://shop.example";

	private static final String PARTNER = "https://partner.example";

	private final CorsPolicies initial = shopOnly();

	private final CorsGatewayWebFilter filter = new CorsGatewayWebFilter(this.initial);

	private final AtomicReference<Supplier<CorsPolicies>> next = new AtomicReference<>(
			CorsPolicyReloaderTests::shopAndPartner);

	private final AtomicInteger builds = new AtomicInteger();

	private final CorsPolicyReloader reloader = new CorsPolicyReloader(this.filter, () -> {
		this.builds.incrementAndGet();
		return this.next.get().get();
	});

	private final Logger logger = (Logger) LoggerFactory.getLogger(CorsPolicyReloader.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	@BeforeEach
	void captureLogs() {
		this.previousLevel = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@AfterEach
	void restoreLogging() {
		this.logger.detachAppender(this.appender);
		this.logger.setLevel(this.previousLevel);
	}

	private static CorsPolicies shopOnly() {
		return CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP))
			.service("catalog", (catalog) -> catalog.paths("/catalog/**").allowedOrigins("*"))
			.build();
	}

	private static CorsPolicies shopAndPartner() {
		return CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP, PARTNER))
			.service("catalog", (catalog) -> catalog.paths("/catalog/**").allowedOrigins("*"))
			.build();
	}

	// Credentials with '*' is refused by the compiler with the property path.
	private static CorsPolicies invalid() {
		return CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins("*").allowCredentials(true))
			.build();
	}

	private static CorsPolicies invalidElsewhere() {
		return CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP))
			.service("catalog", (catalog) -> catalog.paths("/catalog/**").allowedOrigins("*").allowCredentials(true))
			.build();
	}

	private HttpStatus preflightStatus(String origin) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.options("https://api.example.com/orders/1")
				.header(HttpHeaders.ORIGIN, origin)
				.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET"));
		this.filter.filter(exchange, (filtered) -> Mono.error(new AssertionError("A preflight must be answered")))
			.block(Duration.ofSeconds(5));
		return (HttpStatus) exchange.getResponse().getStatusCode();
	}

	private List<String> messages(Level level) {
		return this.appender.list.stream()
			.filter((event) -> event.getLevel() == level)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

	private long count(String text) {
		return this.appender.list.stream().filter((event) -> event.getFormattedMessage().contains(text)).count();
	}

	@Test
	void reloadSwapsTheNewPoliciesIntoTheFilter() {
		assertThat(preflightStatus(PARTNER)).isEqualTo(HttpStatus.FORBIDDEN);
		ReloadResult result = this.reloader.reload("test");
		assertThat(result.isSuccess()).isTrue();
		assertThat(this.filter.getPolicies()).isNotSameAs(this.initial);
		assertThat(preflightStatus(PARTNER)).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void successfulReloadNamesThePoliciesItChanged() {
		ReloadResult result = this.reloader.reload("test");
		assertThat(result.outcome()).isEqualTo(Outcome.CHANGED);
		assertThat(result.changedPolicies()).containsExactly("cors.services.orders");
		assertThat(result.errors()).isEmpty();
		assertThat(result.trigger()).isEqualTo("test");
	}

	@Test
	void successfulReloadThatChangedSomethingLogsOneInfoLine() {
		this.reloader.reload("manual");
		assertThat(messages(Level.INFO))
			.containsExactly("CORS policies reloaded (manual): changed cors.services.orders.");
	}

	@Test
	void addedAndRemovedScopesAreNamed() {
		this.next.set(() -> CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP))
			.service("admin",
					(admin) -> admin.paths("/admin/**")
						.allowedOrigins(SHOP)
						.route("audit", (audit) -> audit.paths("/admin/audit")))
			.build());
		ReloadResult result = this.reloader.reload("manual");
		assertThat(result.changedPolicies()).containsExactly("cors.services.admin", "cors.services.admin.routes.audit",
				"cors.services.catalog");
		assertThat(messages(Level.INFO)).containsExactly("CORS policies reloaded (manual): added cors.services.admin, "
				+ "cors.services.admin.routes.audit; removed cors.services.catalog.");
	}

	@Test
	void reloadToEqualPoliciesIsUnchangedAndLoggedAtDebugOnly() {
		this.next.set(CorsPolicyReloaderTests::shopOnly);
		ReloadResult result = this.reloader.reload("manual");
		assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(result.changedPolicies()).isEmpty();
		assertThat(this.filter.getPolicies()).isNotSameAs(this.initial);
		assertThat(messages(Level.INFO)).isEmpty();
		assertThat(messages(Level.DEBUG)).containsExactly("CORS policies reloaded (manual): no scope changed.");
	}

	@Test
	void invalidConfigurationKeepsThePoliciesInForce() {
		this.next.set(CorsPolicyReloaderTests::invalid);
		ReloadResult result = this.reloader.reload("manual");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.isSuccess()).isFalse();
		assertThat(this.filter.getPolicies()).isSameAs(this.initial);
		assertThat(preflightStatus(SHOP)).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(preflightStatus(PARTNER)).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void failedReloadSaysWhyWithThePropertyPath() {
		this.next.set(CorsPolicyReloaderTests::invalid);
		ReloadResult result = this.reloader.reload("manual");
		assertThat(result.errors()).extracting(PolicyError::property)
			.containsExactly("cors.services.orders.allowed-origins[0]");
		assertThat(result.newWarnings()).isEmpty();
		assertThat(result.changedPolicies()).isEmpty();
	}

	@Test
	void eachErrorOfAFailedReloadIsLoggedOnceAtErrorWithItsPropertyPath() {
		this.next.set(CorsPolicyReloaderTests::invalid);
		this.reloader.reload("manual");
		List<String> errors = messages(Level.ERROR);
		assertThat(errors).hasSize(2);
		assertThat(errors.get(0)).startsWith("CORS reload (manual) failed with 1 error(s); the policies loaded at ")
			.endsWith(" (startup) stay in force.");
		assertThat(errors.get(1)).startsWith("CORS reload: cors.services.orders.allowed-origins[0] = '*': ");
	}

	@Test
	void repeatedIdenticalFailureIsNotLoggedAgain() {
		this.next.set(CorsPolicyReloaderTests::invalid);
		this.reloader.reload("first");
		this.reloader.reload("second");
		assertThat(count("cors.services.orders.allowed-origins[0]")).isEqualTo(1);
		assertThat(messages(Level.ERROR)).hasSize(2);
		assertThat(messages(Level.DEBUG)).singleElement()
			.asString()
			.startsWith("CORS reload (second) failed again with the same 1 error(s)");
		assertThat(this.reloader.getStatus().failureCount()).isEqualTo(2);
		assertThat(this.reloader.getStatus().lastFailure().trigger()).isEqualTo("second");
	}

	@Test
	void differentFailureIsLogged() {
		this.next.set(CorsPolicyReloaderTests::invalid);
		this.reloader.reload("first");
		this.next.set(CorsPolicyReloaderTests::invalidElsewhere);
		this.reloader.reload("second");
		assertThat(count("CORS reload: cors.services.orders.allowed-origins[0]")).isEqualTo(1);
		assertThat(count("CORS reload: cors.services.catalog.allowed-origins[0]")).isEqualTo(1);
	}

	@Test
	void sameFailureAfterASuccessIsLoggedAgain() {
		this.next.set(CorsPolicyReloaderTests::invalid);
		this.reloader.reload("first");
		this.next.set(CorsPolicyReloaderTests::shopAndPartner);
		this.reloader.reload("fixed");
		this.next.set(CorsPolicyReloaderTests::invalid);
		this.reloader.reload("broken again");
		assertThat(count("CORS reload: cors.services.orders.allowed-origins[0]")).isEqualTo(2);
	}

	@Test
	void supplierThatThrowsSomethingElseFailsTheReloadAndIsLoggedWithItsStackTraceOnce() {
		this.next.set(() -> {
			throw new IllegalStateException("registry unavailable");
		});
		ReloadResult first = this.reloader.reload("first");
		ReloadResult second = this.reloader.reload("second");
		assertThat(first.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(second.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(this.filter.getPolicies()).isSameAs(this.initial);
		assertThat(first.errors()).singleElement()
			.satisfies((error) -> assertThat(error.reason()).contains("IllegalStateException: registry unavailable"));
		assertThat(this.appender.list).filteredOn((event) -> event.getThrowableProxy() != null)
			.singleElement()
			.satisfies((event) -> {
				assertThat(event.getLevel()).isEqualTo(Level.ERROR);
				assertThat(event.getThrowableProxy().getMessage()).isEqualTo("registry unavailable");
			});
	}

	@Test
	void supplierThatReturnsNullFailsTheReload() {
		this.next.set(() -> null);
		assertThat(this.reloader.reload("manual").outcome()).isEqualTo(Outcome.FAILED);
		assertThat(this.filter.getPolicies()).isSameAs(this.initial);
	}

	@Test
	void newWarningsAreLoggedAtWarnOnceAndRepeatedOnesAreNot() {
		// A header name in another case than configured before is normalized, with a
		// warning, by the builder.
		Supplier<CorsPolicies> warned = () -> CorsPolicies.builder()
			.service("orders", (orders) -> orders.paths("/orders/**").allowedOrigins(SHOP, "HTTPS://Partner.Example"))
			.build();
		this.next.set(warned);
		ReloadResult first = this.reloader.reload("first");
		assertThat(first.newWarnings()).isNotEmpty();
		assertThat(messages(Level.WARN)).hasSameSizeAs(first.newWarnings())
			.allMatch((message) -> message.startsWith("CORS configuration: cors.services.orders."));
		this.appender.list.clear();
		ReloadResult second = this.reloader.reload("second");
		assertThat(second.newWarnings()).isEmpty();
		assertThat(messages(Level.WARN)).isEmpty();
	}

	@Test
	void statusStartsWithTheStartupLoad() {
		Instant before = Instant.now();
		CorsPolicyReloader fresh = new CorsPolicyReloader(this.filter, CorsPolicyReloaderTests::shopOnly);
		ReloadStatus status = fresh.getStatus();
		assertThat(status.lastLoad().trigger()).isEqualTo(CorsPolicyReloader.STARTUP_TRIGGER);
		assertThat(status.lastLoad().time()).isAfterOrEqualTo(before);
		assertThat(status.lastFailure()).isNull();
		assertThat(status.failing()).isFalse();
		assertThat(status.successCount()).isZero();
		assertThat(status.failureCount()).isZero();
	}

	@Test
	void statusRecordsTheLastSuccessfulLoad() {
		ReloadResult result = this.reloader.reload("manual");
		ReloadStatus status = this.reloader.getStatus();
		assertThat(status.lastLoad().trigger()).isEqualTo("manual");
		assertThat(status.lastLoad().time()).isEqualTo(result.time());
		assertThat(status.successCount()).isOne();
		assertThat(status.failing()).isFalse();
	}

	@Test
	void statusRecordsTheFailureAndThatThePoliciesInForceAreOlder() {
		this.next.set(CorsPolicyReloaderTests::invalid);
		ReloadResult result = this.reloader.reload("broken");
		ReloadStatus status = this.reloader.getStatus();
		assertThat(status.failing()).isTrue();
		assertThat(status.lastLoad().trigger()).isEqualTo(CorsPolicyReloader.STARTUP_TRIGGER);
		assertThat(status.lastFailure().trigger()).isEqualTo("broken");
		assertThat(status.lastFailure().time()).isEqualTo(result.time());
		assertThat(status.lastFailure().errors()).isEqualTo(result.errors());
		assertThat(status.failureCount()).isOne();
	}

	@Test
	void successAfterAFailureEndsFailingKeepsTheLastFailureAndSaysSo() {
		this.next.set(CorsPolicyReloaderTests::invalid);
		this.reloader.reload("broken");
		this.next.set(CorsPolicyReloaderTests::shopOnly);
		this.appender.list.clear();
		ReloadResult result = this.reloader.reload("fixed");
		ReloadStatus status = this.reloader.getStatus();
		assertThat(result.outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(status.failing()).isFalse();
		assertThat(status.lastFailure().trigger()).isEqualTo("broken");
		assertThat(status.lastLoad().trigger()).isEqualTo("fixed");
		assertThat(messages(Level.INFO))
			.containsExactly("CORS policies reloaded (fixed): no scope changed; the configuration is valid again.");
	}

	@Test
	void statusIsASnapshot() {
		ReloadStatus before = this.reloader.getStatus();
		this.reloader.reload("manual");
		assertThat(before.successCount()).isZero();
		assertThat(before.lastLoad().trigger()).isEqualTo(CorsPolicyReloader.STARTUP_TRIGGER);
	}

	@Test
	void policiesTheApplicationSetAreNotReplacedAndNothingIsBuilt() {
		CorsPolicies own = shopOnly();
		this.filter.setPolicies(own);
		ReloadResult result = this.reloader.reload("manual");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(result.errors()).singleElement()
			.satisfies((error) -> assertThat(error.reason())
				.startsWith("The filter applies policies this reloader " + "did not build"));
		assertThat(this.filter.getPolicies()).isSameAs(own);
		assertThat(this.builds).hasValue(0);
	}

	@Test
	void policiesTheApplicationSetWhileNewOnesWereBuiltAreNotOverwritten() {
		CorsPolicies own = shopOnly();
		this.next.set(() -> {
			this.filter.setPolicies(own);
			return shopAndPartner();
		});
		ReloadResult result = this.reloader.reload("manual");
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
		assertThat(this.filter.getPolicies()).isSameAs(own);
	}

	@Test
	void policiesTheApplicationSetRightAfterTheLastCheckAreNotOverwritten() {
		CorsPolicies own = shopOnly();
		AtomicBoolean applicationWrites = new AtomicBoolean();
		// The application's write lands once the new policies are built, at the
		// reloader's next touch of the filter: after a check that reads the filter, and
		// before the swap. A check followed by a plain write would overwrite it.
		CorsGatewayWebFilter filter = new CorsGatewayWebFilter(this.initial) {

			@Override
			public CorsPolicies getPolicies() {
				CorsPolicies seen = super.getPolicies();
				applicationWrite();
				return seen;
			}

			@Override
			public boolean compareAndSetPolicies(CorsPolicies expected, CorsPolicies policies) {
				applicationWrite();
				return super.compareAndSetPolicies(expected, policies);
			}

			private void applicationWrite() {
				if (applicationWrites.getAndSet(false)) {
					setPolicies(own);
				}
			}

		};
		CorsPolicyReloader reloader = new CorsPolicyReloader(filter, () -> {
			applicationWrites.set(true);
			return shopAndPartner();
		});
		ReloadResult result = reloader.reload("manual");
		assertThat(filter.getPolicies()).isSameAs(own);
		assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
	}

	@Test
	void reloaderWithoutBuiltPoliciesNeverReplacesTheFiltersPolicies() {
		CorsPolicyReloader unmanaged = new CorsPolicyReloader(this.filter, null,
				CorsPolicyReloaderTests::shopAndPartner);
		assertThat(unmanaged.reload("manual").outcome()).isEqualTo(Outcome.FAILED);
		assertThat(this.filter.getPolicies()).isSameAs(this.initial);
	}

	@Test
	void reloaderKeepsManagingThePoliciesItSwappedIn() {
		this.reloader.reload("first");
		this.next.set(CorsPolicyReloaderTests::shopOnly);
		assertThat(this.reloader.reload("second").isSuccess()).isTrue();
		assertThat(preflightStatus(PARTNER)).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void reloadsAreSerialised() throws Exception {
		CountDownLatch firstBuilding = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger concurrent = new AtomicInteger();
		AtomicInteger maxConcurrent = new AtomicInteger();
		this.next.set(() -> {
			maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
			try {
				firstBuilding.countDown();
				release.await(30, TimeUnit.SECONDS);
				return shopAndPartner();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			finally {
				concurrent.decrementAndGet();
			}
		});
		Thread first = new Thread(() -> this.reloader.reload("first"));
		first.start();
		assertThat(firstBuilding.await(30, TimeUnit.SECONDS)).isTrue();
		Thread second = new Thread(() -> this.reloader.reload("second"));
		second.start();
		// The second reload must get to the lock and wait there while the first builds.
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(second.getState()).isEqualTo(Thread.State.WAITING);
		assertThat(this.builds).hasValue(1);
		release.countDown();
		first.join(30_000);
		second.join(30_000);
		assertThat(this.builds).hasValue(2);
		assertThat(maxConcurrent).hasValue(1);
		assertThat(this.reloader.getStatus().successCount()).isEqualTo(2);
	}

	@Test
	void triggerMustBeGiven() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.reloader.reload(" "))
			.withMessage("'trigger' must not be empty");
	}

}
