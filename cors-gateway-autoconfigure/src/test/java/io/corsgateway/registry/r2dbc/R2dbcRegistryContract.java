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
package io.corsgateway.registry.r2dbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.PolicyError;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.connection.init.ResourceDatabasePopulator;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The behaviour of {@link R2dbcCorsApplicationRegistry} against a real database, run by
 * one subclass per database. Each test creates its own table from the schema script,
 * under a name of its own so that tests sharing a database server never meet, and drops
 * it afterwards. Reads are triggered with {@link R2dbcCorsApplicationRegistry#refresh()}
 * and waited for, except in the fleet test, where the polls themselves must act.
 *
 * @author cors-gateway authors
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class R2dbcRegistryContract {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String table = "cors_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);

	private final String looseTable = this.table + "_loose";

	private final List<R2dbcCorsApplicationRegistry> registries = new ArrayList<>();

	private final List<Scheduler> schedulers = new ArrayList<>();

	private @Nullable SwitchableConnectionFactory database;

	private DatabaseClient client;

	/**
	 * A new connection factory of the database under test; every call gives a factory of
	 * the same database, as each gateway instance of a fleet has its own.
	 * @return the connection factory
	 */
	protected abstract ConnectionFactory connectionFactory();

	@BeforeEach
	void createTable() throws IOException {
		this.database = new SwitchableConnectionFactory(connectionFactory());
		this.client = DatabaseClient.create(this.database);
		String script = new ClassPathResource("io/corsgateway/registry/r2dbc/schema.sql")
			.getContentAsString(StandardCharsets.UTF_8)
			.replace(R2dbcCorsApplicationRegistry.DEFAULT_TABLE, this.table);
		new ResourceDatabasePopulator(new ByteArrayResource(script.getBytes(StandardCharsets.UTF_8)))
			.populate(this.database)
			.block(TIMEOUT);
	}

	@AfterEach
	void dropTables() {
		this.registries.forEach(R2dbcCorsApplicationRegistry::stop);
		this.schedulers.forEach(Scheduler::dispose);
		if (this.database == null) {
			// Skipped before a table was made.
			return;
		}
		this.database.up();
		execute("DROP TABLE IF EXISTS " + this.table);
		execute("DROP TABLE IF EXISTS " + this.looseTable);
	}

	@Test
	void schemaScriptRunsTwiceWithoutError() throws IOException {
		// CREATE TABLE IF NOT EXISTS: Boot's SQL initialization runs it on every start.
		createTable();
		insert("portal", "https://portal.example", "orders");
		assertThat(ids(started(registry()))).containsExactly("portal");
	}

	@Test
	void readsEachEnabledRowAsAnApplicationInTheOrderOfIds(CapturedOutput output) {
		insert("portal", "https://portal.example, https://admin.portal.example", "orders catalog/search");
		insert("billing", "https://billing.example\nhttps://pay.example", "orders,\tinvoices");
		R2dbcCorsApplicationRegistry registry = started(registry());
		// enabled was left to the schema's default, TRUE.
		assertThat(registry.getApplications()).containsExactly(
				new CorsApplication("billing", List.of("https://billing.example", "https://pay.example"),
						List.of("orders", "invoices"), this.table + "[id=billing]"),
				new CorsApplication("portal", List.of("https://portal.example", "https://admin.portal.example"),
						List.of("orders", "catalog/search"), this.table + "[id=portal]"));
		assertThat(registry.getSkippedRows()).isEmpty();
		assertThat(output.getOut())
			.contains("CORS registry: read table '" + this.table + "': 2 applications, 0 skipped rows.");
	}

	@Test
	void disabledRowIsNeitherAnApplicationNorReported() {
		insert("portal", "https://portal.example", "orders");
		insert("retired", "https://retired.example", "orders", false);
		R2dbcCorsApplicationRegistry registry = started(registry());
		assertThat(ids(registry)).containsExactly("portal");
		assertThat(registry.getSkippedRows()).isEmpty();
	}

	@Test
	void rowsThatCannotBeReadAreSkippedAndReportedWhileTheOthersAreRead() {
		insert("a-good", "https://a.example", "orders");
		insert("   ", "https://blank-id.example", "orders");
		insert("no-origins", " , ", "orders");
		insert("no-services", "https://no-services.example", "");
		insert("z-good", "https://z.example", "orders");
		R2dbcCorsApplicationRegistry registry = started(registry());
		assertThat(ids(registry)).containsExactly("a-good", "z-good");
		assertThat(registry.getSkippedRows()).extracting(PolicyError::property)
			.containsExactlyInAnyOrder(this.table + "[row 1].id", this.table + "[id=no-origins].origins",
					this.table + "[id=no-services].services");
		assertThat(skipped(registry, "origins").reason()).startsWith("Application 'no-origins' is skipped: ")
			.contains("has no entry")
			.contains("separated by commas or spaces");
		assertThat(skipped(registry, "services").reason()).startsWith("Application 'no-services' is skipped: ")
			.contains("ids of the services");
		assertThat(skipped(registry, "id").reason()).startsWith("The row is skipped: its id is blank.");
	}

	@Test
	void nullColumnsOfATableWithoutConstraintsAreSkippedAndReported() {
		execute("CREATE TABLE " + this.looseTable
				+ " (id VARCHAR(128), origins VARCHAR(4000), services VARCHAR(4000), enabled BOOLEAN)");
		insertLoose(null, "https://no-id.example", "orders", true);
		insertLoose("no-enabled", "https://no-enabled.example", "orders", null);
		insertLoose("no-origins", null, "orders", true);
		insertLoose("no-services", "https://no-services.example", null, true);
		insertLoose("retired", null, null, false);
		insertLoose("portal", "https://portal.example", "orders", true);
		R2dbcCorsApplicationRegistry registry = started(registry(this.looseTable));
		assertThat(ids(registry)).containsExactly("portal");
		// Where a null id sorts depends on the database.
		assertThat(registry.getSkippedRows()).extracting(PolicyError::property)
			.containsExactlyInAnyOrder(this.looseTable + "[row " + (nullsSortFirst() ? 1 : 6) + "].id",
					this.looseTable + "[id=no-enabled].enabled", this.looseTable + "[id=no-origins].origins",
					this.looseTable + "[id=no-services].services");
		assertThat(registry.getSkippedRows()).allSatisfy((skipped) -> assertThat(skipped.value()).isNull());
		assertThat(skipped(registry, "enabled").reason()).contains("is null. Set it to TRUE");
		assertThat(skipped(registry, "id").reason()).startsWith("The row is skipped: its id is null.");
	}

	/**
	 * Whether the database sorts null before every value in {@code ORDER BY ... ASC}.
	 * @return whether nulls come first
	 */
	protected abstract boolean nullsSortFirst();

	@Test
	void eachSkippedRowIsLoggedOnceNotOnEveryRead(CapturedOutput output) {
		insert("broken", "https://broken.example", " ");
		R2dbcCorsApplicationRegistry registry = started(registry());
		refresh(registry);
		refresh(registry);
		assertThat(registry.getSkippedRows()).hasSize(1);
		assertThat(occurrences(output.getOut(), this.table + "[id=broken].services")).isOne();
	}

	@Test
	void insertedRowIsReadAndListenersAreToldOnce() {
		insert("portal", "https://portal.example", "orders");
		R2dbcCorsApplicationRegistry registry = started(registry());
		AtomicInteger changes = countChanges(registry);
		insert("billing", "https://billing.example", "invoices");
		assertThat(refresh(registry)).isTrue();
		assertThat(changes).hasValue(1);
		assertThat(ids(registry)).containsExactly("billing", "portal");
	}

	@Test
	void updatedRowIsReadAndListenersAreToldOnce() {
		insert("portal", "https://portal.example", "orders");
		R2dbcCorsApplicationRegistry registry = started(registry());
		AtomicInteger changes = countChanges(registry);
		execute("UPDATE " + this.table + " SET origins = 'https://portal.example https://new.portal.example'");
		assertThat(refresh(registry)).isTrue();
		assertThat(changes).hasValue(1);
		assertThat(registry.getApplications().get(0).origins()).containsExactly("https://portal.example",
				"https://new.portal.example");
	}

	@Test
	void deletedRowIsRemovedAndListenersAreToldOnce() {
		insert("portal", "https://portal.example", "orders");
		insert("billing", "https://billing.example", "invoices");
		R2dbcCorsApplicationRegistry registry = started(registry());
		AtomicInteger changes = countChanges(registry);
		execute("DELETE FROM " + this.table + " WHERE id = 'billing'");
		assertThat(refresh(registry)).isTrue();
		assertThat(changes).hasValue(1);
		assertThat(ids(registry)).containsExactly("portal");
	}

	@Test
	void disabledRowIsRemovedAndListenersAreToldOnce() {
		insert("portal", "https://portal.example", "orders");
		R2dbcCorsApplicationRegistry registry = started(registry());
		AtomicInteger changes = countChanges(registry);
		execute("UPDATE " + this.table + " SET enabled = FALSE");
		assertThat(refresh(registry)).isTrue();
		assertThat(changes).hasValue(1);
		assertThat(registry.getApplications()).isEmpty();
	}

	@Test
	void readThatFindsTheSameApplicationsTellsNoListener() {
		insert("portal", "https://portal.example", "orders");
		R2dbcCorsApplicationRegistry registry = started(registry());
		AtomicInteger changes = countChanges(registry);
		assertThat(refresh(registry)).isFalse();
		// Only the content counts: a writer that sets updated_at changes nothing.
		execute("UPDATE " + this.table + " SET updated_at = CURRENT_TIMESTAMP");
		assertThat(refresh(registry)).isFalse();
		assertThat(changes).hasValue(0);
	}

	@Test
	void changeOfASkippedRowAloneTellsNoListener() {
		insert("portal", "https://portal.example", "orders");
		insert("broken", "https://broken.example", " ");
		R2dbcCorsApplicationRegistry registry = started(registry());
		AtomicInteger changes = countChanges(registry);
		execute("UPDATE " + this.table + " SET origins = ' , ' WHERE id = 'broken'");
		assertThat(refresh(registry)).isFalse();
		assertThat(changes).hasValue(0);
		assertThat(registry.getSkippedRows()).extracting(PolicyError::property)
			.containsExactly(this.table + "[id=broken].origins");
	}

	@Test
	void databaseDownKeepsTheApplicationsAndIsLoggedOnceUntilItAnswersAgain(CapturedOutput output) {
		insert("portal", "https://portal.example", "orders");
		R2dbcCorsApplicationRegistry registry = started(registry());
		AtomicInteger changes = countChanges(registry);
		this.database.down();
		assertThatException().isThrownBy(() -> refresh(registry))
			.withRootCauseInstanceOf(R2dbcNonTransientResourceException.class);
		assertThatException().isThrownBy(() -> refresh(registry));
		assertThat(ids(registry)).containsExactly("portal");
		assertThat(occurrences(output.getOut(), "cannot read table '" + this.table + "'")).isOne();
		assertThat(output.getOut()).contains("Connection refused (database down)")
			.contains("keeping the 1 application read before and reading it again every 10s.");
		this.database.up();
		insert("billing", "https://billing.example", "invoices");
		assertThat(refresh(registry)).isTrue();
		assertThat(ids(registry)).containsExactly("billing", "portal");
		assertThat(changes).hasValue(1);
		assertThat(occurrences(output.getOut(), "table '" + this.table + "' answers again")).isOne();
		this.database.down();
		assertThatException().isThrownBy(() -> refresh(registry));
		assertThat(occurrences(output.getOut(), "cannot read table '" + this.table + "'")).as("a second outage")
			.isEqualTo(2);
	}

	@Test
	void databaseDownAtStartupStartsWithNoApplicationsAndReadsThemWhenItAnswers(CapturedOutput output) {
		insert("portal", "https://portal.example", "orders");
		this.database.down();
		R2dbcCorsApplicationRegistry registry = started(registry());
		assertThat(registry.getApplications()).isEmpty();
		assertThat(output.getOut()).contains("cannot read table '" + this.table + "'")
			.contains("starting without stored applications and reading it again every 10s.");
		this.database.up();
		assertThat(refresh(registry)).isTrue();
		assertThat(ids(registry)).containsExactly("portal");
	}

	@Test
	void databaseThatDoesNotAnswerDelaysStartupAtMostTheStartupTimeout(CapturedOutput output) {
		insert("portal", "https://portal.example", "orders");
		this.database.hang();
		R2dbcCorsApplicationRegistry registry = started(
				track(R2dbcCorsApplicationRegistry.builder(DatabaseClient.create(this.database))
					.table(this.table)
					.startupTimeout(Duration.ofMillis(200))
					.build()));
		assertThat(registry.getApplications()).isEmpty();
		assertThat(output.getOut()).contains("cannot read table '" + this.table + "' (no answer within 200ms)");
		this.database.up();
		assertThat(refresh(registry)).isTrue();
	}

	@Test
	void missingTableIsLoggedWithoutFailingStartup(CapturedOutput output) {
		R2dbcCorsApplicationRegistry registry = started(registry(this.table + "_missing"));
		assertThat(registry.getApplications()).isEmpty();
		assertThat(output.getOut()).contains("cannot read table '" + this.table + "_missing'")
			.contains("If the table is missing, create it with the schema script "
					+ "classpath:io/corsgateway/registry/r2dbc/schema.sql.");
	}

	@Test
	void readThatEndsAfterALaterOneCannotBringBackWhatTheLaterOneRemoved() throws Exception {
		insert("portal", "https://portal.example", "orders");
		insert("revoked", "https://revoked.example", "orders");
		// Holds the first task it is asked to run once told to: the end of a read that
		// has its rows, so that a read started later can end first.
		ExecutorService threads = Executors.newSingleThreadExecutor();
		AtomicBoolean holdNext = new AtomicBoolean();
		AtomicReference<Runnable> held = new AtomicReference<>();
		CountDownLatch holding = new CountDownLatch(1);
		Scheduler scheduler = Schedulers.fromExecutor((task) -> {
			if (holdNext.getAndSet(false)) {
				held.set(task);
				holding.countDown();
			}
			else {
				threads.execute(task);
			}
		});
		this.schedulers.add(scheduler);
		try {
			R2dbcCorsApplicationRegistry registry = started(
					track(R2dbcCorsApplicationRegistry.builder(DatabaseClient.create(this.database))
						.table(this.table)
						.scheduler(scheduler)
						.build()));
			AtomicInteger changes = countChanges(registry);
			holdNext.set(true);
			CompletableFuture<Boolean> earlier = registry.refresh().toFuture();
			assertThat(holding.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			execute("DELETE FROM " + this.table + " WHERE id = 'revoked'");
			assertThat(refresh(registry)).isTrue();
			threads.execute(held.get());
			assertThat(earlier.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isFalse();
			assertThat(ids(registry)).containsExactly("portal");
			assertThat(changes).hasValue(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void listenersAreToldOnTheRegistrysSchedulerNotOnTheDriversThreads() {
		Scheduler scheduler = Schedulers.newSingle("registry-test");
		this.schedulers.add(scheduler);
		R2dbcCorsApplicationRegistry registry = started(
				track(R2dbcCorsApplicationRegistry.builder(DatabaseClient.create(this.database))
					.table(this.table)
					.scheduler(scheduler)
					.build()));
		AtomicReference<String> thread = new AtomicReference<>();
		registry.addChangeListener(() -> thread.set(Thread.currentThread().getName()));
		insert("portal", "https://portal.example", "orders");
		assertThat(refresh(registry)).isTrue();
		assertThat(thread.get()).startsWith("registry-test");
	}

	@Test
	void listenerThatThrowsKeepsNeitherTheOthersNorLaterReadsFromRunning(CapturedOutput output) {
		R2dbcCorsApplicationRegistry registry = started(registry());
		registry.addChangeListener(() -> {
			throw new IllegalStateException("listener failure");
		});
		AtomicInteger changes = countChanges(registry);
		insert("portal", "https://portal.example", "orders");
		assertThat(refresh(registry)).isTrue();
		insert("billing", "https://billing.example", "invoices");
		assertThat(refresh(registry)).isTrue();
		assertThat(changes).hasValue(2);
		assertThat(ids(registry)).containsExactly("billing", "portal");
		assertThat(output.getOut()).contains("change listener").contains("listener failure");
	}

	@Test
	void everyInstanceOfAFleetSeesAChangeThroughItsOwnPolls() throws InterruptedException {
		insert("portal", "https://portal.example", "orders");
		List<R2dbcCorsApplicationRegistry> fleet = new ArrayList<>();
		List<CountDownLatch> changed = new ArrayList<>();
		for (int instance = 0; instance < 2; instance++) {
			// Each instance has its own connection factory, as separate processes do.
			R2dbcCorsApplicationRegistry registry = started(
					track(R2dbcCorsApplicationRegistry.builder(DatabaseClient.create(connectionFactory()))
						.table(this.table)
						.pollInterval(Duration.ofMillis(50))
						.build()));
			CountDownLatch latch = new CountDownLatch(1);
			registry.addChangeListener(latch::countDown);
			registry.start();
			fleet.add(registry);
			changed.add(latch);
		}
		assertThat(fleet).allSatisfy((registry) -> assertThat(registry.isRunning()).isTrue());
		insert("billing", "https://billing.example", "invoices");
		for (int instance = 0; instance < 2; instance++) {
			// A generous deadline, not a timing assertion: the polls run every 50ms.
			assertThat(changed.get(instance).await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("instance %s", instance)
				.isTrue();
			assertThat(ids(fleet.get(instance))).containsExactly("billing", "portal");
		}
		fleet.forEach(R2dbcCorsApplicationRegistry::stop);
		assertThat(fleet).allSatisfy((registry) -> assertThat(registry.isRunning()).isFalse());
	}

	private R2dbcCorsApplicationRegistry registry() {
		return registry(this.table);
	}

	private R2dbcCorsApplicationRegistry registry(String table) {
		return track(R2dbcCorsApplicationRegistry.builder(DatabaseClient.create(this.database)).table(table).build());
	}

	private R2dbcCorsApplicationRegistry track(R2dbcCorsApplicationRegistry registry) {
		this.registries.add(registry);
		return registry;
	}

	// The first read, as at startup.
	private static R2dbcCorsApplicationRegistry started(R2dbcCorsApplicationRegistry registry) {
		registry.afterPropertiesSet();
		return registry;
	}

	private static @Nullable Boolean refresh(R2dbcCorsApplicationRegistry registry) {
		return registry.refresh().block(TIMEOUT);
	}

	private static AtomicInteger countChanges(R2dbcCorsApplicationRegistry registry) {
		AtomicInteger changes = new AtomicInteger();
		registry.addChangeListener(changes::incrementAndGet);
		return changes;
	}

	private static List<String> ids(R2dbcCorsApplicationRegistry registry) {
		return registry.getApplications().stream().map(CorsApplication::id).toList();
	}

	private static PolicyError skipped(R2dbcCorsApplicationRegistry registry, String column) {
		return registry.getSkippedRows()
			.stream()
			.filter((skipped) -> skipped.property().endsWith("." + column))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No skipped row about " + column));
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private void insert(String id, String origins, String services) {
		this.client.sql("INSERT INTO " + this.table + " (id, origins, services) VALUES (:id, :origins, :services)")
			.bind("id", id)
			.bind("origins", origins)
			.bind("services", services)
			.then()
			.block(TIMEOUT);
	}

	private void insert(String id, String origins, String services, boolean enabled) {
		this.client
			.sql("INSERT INTO " + this.table
					+ " (id, origins, services, enabled) VALUES (:id, :origins, :services, :enabled)")
			.bind("id", id)
			.bind("origins", origins)
			.bind("services", services)
			.bind("enabled", enabled)
			.then()
			.block(TIMEOUT);
	}

	private void insertLoose(@Nullable String id, @Nullable String origins, @Nullable String services,
			@Nullable Boolean enabled) {
		DatabaseClient.GenericExecuteSpec insert = this.client.sql("INSERT INTO " + this.looseTable
				+ " (id, origins, services, enabled) VALUES (:id, :origins, :services, :enabled)");
		insert = (id != null) ? insert.bind("id", id) : insert.bindNull("id", String.class);
		insert = (origins != null) ? insert.bind("origins", origins) : insert.bindNull("origins", String.class);
		insert = (services != null) ? insert.bind("services", services) : insert.bindNull("services", String.class);
		insert = (enabled != null) ? insert.bind("enabled", enabled) : insert.bindNull("enabled", Boolean.class);
		insert.then().block(TIMEOUT);
	}

	private void execute(String sql) {
		this.client.sql(sql).then().block(TIMEOUT);
	}

}
