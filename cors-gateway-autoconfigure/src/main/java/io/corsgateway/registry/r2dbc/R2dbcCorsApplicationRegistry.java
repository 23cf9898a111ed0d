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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.corsgateway.internal.http.LogText;
import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.registry.CorsApplicationRegistry;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.BadSqlGrammarException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.util.Assert;

/**
 * A {@link CorsApplicationRegistry} that reads the applications from a database table
 * through R2DBC, so that every gateway instance of a fleet shares one registry: a row
 * added, changed or deleted reaches each instance within the poll interval.
 * <p>
 * The table is the one of the schema script {@value #SCHEMA_LOCATION}: one row per
 * application, with its {@code id}, its {@code origins} and the {@code services} (service
 * ids, or {@code service-id/route-id}) it is registered with, both separated by commas or
 * whitespace, and whether it is {@code enabled}. A row that is not enabled is not an
 * application.
 * <p>
 * <strong>Change detection.</strong> Every poll interval the whole table is read and
 * compared with the last read; the {@linkplain #addChangeListener listeners} are told
 * only when the applications differ. Reading everything, rather than the rows whose
 * {@code updated_at} moved, sees deletes as well as inserts and updates, and does not
 * depend on every writer setting {@code updated_at}: a registry holds tens to a few
 * thousand rows, which one query reads in milliseconds.
 * <p>
 * <strong>Rows that cannot be read.</strong> A row without an id, with an
 * {@code enabled}, {@code origins} or {@code services} column that is null, has no entry
 * or cannot be read as text is skipped, and never keeps the other rows from applying.
 * Each skipped row is {@linkplain #getSkippedRows() reported}, named by the table and its
 * id (such as {@code cors_application[id=partner-portal].origins}), and logged at
 * {@code WARN} when it first appears, not on every poll. Whether the origins are valid
 * and the services exist is checked when the policies are built, as for any application.
 * <p>
 * <strong>Failures.</strong> A read that fails or does not answer within the startup
 * timeout (the database is down, the table is missing) keeps the applications of the last
 * successful read: an outage never removes applications. It is logged at {@code WARN}
 * once per outage, and at {@code INFO} when the table answers again.
 * <p>
 * <strong>Lifecycle.</strong> {@link #afterPropertiesSet()} reads the table once and
 * waits for the answer, at most the startup timeout, so that the first policies include
 * the stored applications; if the database does not answer, the registry starts with
 * none. {@link #start()} starts polling and {@link #stop()} stops it; in a Spring
 * application context both happen with the context. Without Spring, call
 * {@code afterPropertiesSet()} and {@code start()} yourself. Polls and listeners run on a
 * scheduler fit for blocking work, never on a database driver's event loop.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class R2dbcCorsApplicationRegistry implements CorsApplicationRegistry, InitializingBean, SmartLifecycle {

	/**
	 * The default name of the table.
	 */
	public static final String DEFAULT_TABLE = "cors_application";

	/**
	 * The default interval between two reads of the table.
	 */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

	/**
	 * The default of how long a read of the table may take.
	 */
	public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The location of the schema script that creates the table with its default name.
	 */
	public static final String SCHEMA_LOCATION = "classpath:io/corsgateway/registry/r2dbc/schema.sql";

	// A name, optionally after a schema name, as the query puts it unquoted: nothing
	// that could end the name or start another clause. 63 characters is PostgreSQL's
	// limit.
	private static final Pattern TABLE_NAME = Pattern
		.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

	private static final Log logger = LogFactory.getLog(R2dbcCorsApplicationRegistry.class);

	private final DatabaseClient client;

	private final String table;

	private final String query;

	private final Duration pollInterval;

	private final Duration startupTimeout;

	private final Scheduler scheduler;

	private final RowReader rowReader;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private final AtomicBoolean outage = new AtomicBoolean();

	private final Object snapshotMonitor = new Object();

	private final Object lifecycleMonitor = new Object();

	private volatile Snapshot snapshot = Snapshot.EMPTY;

	private volatile boolean read;

	// Numbers each read when it starts; the number of the read that set the snapshot is
	// guarded by the snapshot monitor.
	private final AtomicLong reads = new AtomicLong();

	private long appliedRead;

	private @Nullable Disposable polling;

	private R2dbcCorsApplicationRegistry(Builder builder) {
		this.client = builder.client;
		this.table = builder.table;
		this.query = "SELECT " + RowReader.COLUMNS + " FROM " + builder.table + " ORDER BY id";
		this.pollInterval = builder.pollInterval;
		this.startupTimeout = builder.startupTimeout;
		this.scheduler = builder.scheduler;
		this.rowReader = new RowReader(builder.table);
	}

	/**
	 * Start building a registry that reads through the given client.
	 * @param client the client of the database that holds the table
	 * @return a builder with the default table, poll interval and startup timeout
	 */
	public static Builder builder(DatabaseClient client) {
		return new Builder(client);
	}

	/**
	 * The applications of the last successful read of the table, in the order of their
	 * ids; empty until the table was read once. Never waits for the database.
	 * @return the applications
	 */
	@Override
	public List<CorsApplication> getApplications() {
		return this.snapshot.applications();
	}

	/**
	 * The rows of the last successful read that are skipped, in the order of their ids:
	 * for each, the column named as {@code table[id=...].column}, its value when it has
	 * one, and why the row is skipped.
	 * @return the reports of the skipped rows
	 */
	public List<PolicyError> getSkippedRows() {
		return this.snapshot.skippedRows();
	}

	/**
	 * Register a callback to run after a read found applications that differ from the
	 * previous read's. It runs on the registry's scheduler; an exception it throws is
	 * logged and keeps neither the other listeners nor later polls from running.
	 * @param listener the callback
	 */
	@Override
	public void addChangeListener(Runnable listener) {
		Assert.notNull(listener, "'listener' must not be null");
		this.listeners.add(listener);
	}

	/**
	 * Read the table now, as a poll does: on success the applications and skipped rows
	 * are replaced and, if the applications changed, the listeners are told before the
	 * returned {@code Mono} completes. A failed read keeps the last applications and ends
	 * the {@code Mono} with the error. A read that ends after a read started later, such
	 * as a refresh during a poll, is discarded and answers {@code false}, so that the
	 * applications never go back to an older content of the table. Nothing happens until
	 * it is subscribed to.
	 * @return whether the applications changed
	 */
	public Mono<Boolean> refresh() {
		return Mono.defer(() -> {
			long read = this.reads.incrementAndGet();
			AtomicLong position = new AtomicLong();
			return this.client.sql(this.query)
				.map((row) -> this.rowReader.read(row, position.incrementAndGet()))
				.all()
				.collectList()
				.map((rows) -> new Read(read, rows));
		})
			.timeout(this.startupTimeout,
					Mono.error(() -> new TimeoutException("no answer within " + format(this.startupTimeout))))
			.publishOn(this.scheduler)
			.map(this::apply)
			.doOnError(this::readFailed);
	}

	private boolean apply(Read read) {
		Snapshot next = Snapshot.of(read.rows());
		Snapshot previous;
		boolean first;
		synchronized (this.snapshotMonitor) {
			if (read.number() < this.appliedRead) {
				// Its rows may be older than those a later read applied already.
				return false;
			}
			previous = this.snapshot;
			first = !this.read;
			this.snapshot = next;
			this.read = true;
			this.appliedRead = read.number();
		}
		if (this.outage.compareAndSet(true, false)) {
			logger.info("CORS registry: table '" + this.table + "' answers again: " + describe(next) + ".");
		}
		// Each skipped row once, not on every poll: only the reports the previous read
		// did not have.
		for (PolicyError skipped : next.skippedRows()) {
			if (!previous.skippedRows().contains(skipped)) {
				logger.warn("CORS registry: " + skipped);
			}
		}
		boolean changed = !next.applications().equals(previous.applications());
		if (first) {
			logger.info("CORS registry: read table '" + this.table + "': " + describe(next) + ".");
		}
		else if (changed) {
			logger
				.info("CORS registry: the applications of table '" + this.table + "' changed: " + describe(next) + ".");
		}
		if (changed) {
			for (Runnable listener : this.listeners) {
				try {
					listener.run();
				}
				catch (RuntimeException ex) {
					logger.warn("CORS registry: change listener " + listener + " failed", ex);
				}
			}
		}
		return changed;
	}

	private void readFailed(Throwable ex) {
		if (this.outage.compareAndSet(false, true)) {
			String kept = this.read
					? "keeping the " + count(this.snapshot.applications().size(), "application") + " read before"
					: "starting without stored applications";
			// A missing table or column: most likely the schema script has not run.
			String schema = (ex instanceof BadSqlGrammarException)
					? " If the table is missing, create it with the schema script " + SCHEMA_LOCATION + "." : "";
			logger.warn("CORS registry: cannot read table '" + this.table + "' (" + messages(ex) + "); " + kept
					+ " and reading it again every " + format(this.pollInterval) + "." + schema);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("CORS registry: reading table '" + this.table + "' failed", ex);
		}
	}

	// Spring's exception says what failed ("Failed to obtain R2DBC Connection"), its
	// causes say why ("Connection refused"): the log line needs both.
	private static String messages(Throwable ex) {
		StringBuilder messages = new StringBuilder();
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			String message = cause.getMessage();
			if (message != null && !message.isBlank() && messages.indexOf(message) < 0) {
				messages.append((messages.length() > 0) ? ": " : "").append(message);
			}
		}
		return LogText.printable((messages.length() > 0) ? messages.toString() : ex.getClass().getName());
	}

	private static String describe(Snapshot snapshot) {
		return count(snapshot.applications().size(), "application") + ", "
				+ count(snapshot.skippedRows().size(), "skipped row");
	}

	private static String count(int count, String noun) {
		return count + " " + noun + ((count != 1) ? "s" : "");
	}

	private static String format(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
	}

	/**
	 * Read the table once and wait for the answer, at most the startup timeout, so that
	 * the first policies built include the stored applications. If the read fails, the
	 * registry starts with no applications and the failure is logged; the polls read the
	 * applications once the table answers.
	 */
	@Override
	public void afterPropertiesSet() {
		try {
			refresh().block();
		}
		catch (RuntimeException ex) {
			// A failed read was logged on its way; block() itself can fail before
			// subscribing (on a thread that must not block), which was not.
			if (!this.outage.get()) {
				readFailed(ex);
			}
		}
	}

	/**
	 * Start reading the table every poll interval. A poll starts an interval after the
	 * previous one ended, so polls never overlap.
	 */
	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.polling == null) {
				this.polling = Mono.delay(this.pollInterval, this.scheduler)
					.then(refresh().onErrorResume((ex) -> Mono.empty()))
					.repeat()
					.subscribe();
			}
		}
	}

	/**
	 * Stop polling; a read in progress is cancelled.
	 */
	@Override
	public void stop() {
		synchronized (this.lifecycleMonitor) {
			if (this.polling != null) {
				this.polling.dispose();
				this.polling = null;
			}
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.polling != null;
		}
	}

	/**
	 * The table read.
	 * @return the table's name
	 */
	public String getTable() {
		return this.table;
	}

	/**
	 * The interval between two reads of the table.
	 * @return the poll interval
	 */
	public Duration getPollInterval() {
		return this.pollInterval;
	}

	/**
	 * How long a read of the table may take, at startup and when polling.
	 * @return the startup timeout
	 */
	public Duration getStartupTimeout() {
		return this.startupTimeout;
	}

	/**
	 * The rows of one read, numbered in the order the reads started.
	 */
	private record Read(long number, List<StoredRow> rows) {

	}

	/**
	 * Builds an {@link R2dbcCorsApplicationRegistry}; each setting is checked when it is
	 * set.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final DatabaseClient client;

		private String table = DEFAULT_TABLE;

		private Duration pollInterval = DEFAULT_POLL_INTERVAL;

		private Duration startupTimeout = DEFAULT_STARTUP_TIMEOUT;

		private Scheduler scheduler = Schedulers.boundedElastic();

		private Builder(DatabaseClient client) {
			Assert.notNull(client, "'client' must not be null");
			this.client = client;
		}

		/**
		 * Set the table to read, {@value R2dbcCorsApplicationRegistry#DEFAULT_TABLE} by
		 * default. The name goes into the query as it is, so only a plain SQL identifier
		 * is accepted, optionally after a schema name and a dot.
		 * @param table the table's name
		 * @return this builder
		 * @throws IllegalArgumentException if the name is not a plain SQL identifier
		 */
		public Builder table(String table) {
			Assert.notNull(table, "'table' must not be null");
			if (!TABLE_NAME.matcher(table).matches()) {
				throw new IllegalArgumentException("The table name '" + LogText.printable(table)
						+ "' is not a plain SQL identifier. The name goes into the query unquoted, so it may only "
						+ "hold letters, digits and '_', start with a letter or '_' and have at most 63 characters; "
						+ "a schema name and a dot may come first. Use a name such as " + DEFAULT_TABLE
						+ " or registry." + DEFAULT_TABLE + ".");
			}
			this.table = table;
			return this;
		}

		/**
		 * Set the interval between two reads of the table, 10 seconds by default: the
		 * longest a change of the table takes to reach this gateway instance.
		 * @param pollInterval the interval, positive
		 * @return this builder
		 * @throws IllegalArgumentException if the interval is zero or negative
		 */
		public Builder pollInterval(Duration pollInterval) {
			Assert.notNull(pollInterval, "'pollInterval' must not be null");
			if (pollInterval.isZero() || pollInterval.isNegative()) {
				throw new IllegalArgumentException("The poll interval must be positive, but is " + pollInterval
						+ ". It is the longest a change of the table takes to reach this gateway instance: "
						+ "use a duration such as 10s.");
			}
			this.pollInterval = pollInterval;
			return this;
		}

		/**
		 * Set how long a read of the table may take, 10 seconds by default: startup waits
		 * at most this long for the first read, and a poll that takes longer is abandoned
		 * and counts as failed.
		 * @param startupTimeout the timeout, positive
		 * @return this builder
		 * @throws IllegalArgumentException if the timeout is zero or negative
		 */
		public Builder startupTimeout(Duration startupTimeout) {
			Assert.notNull(startupTimeout, "'startupTimeout' must not be null");
			if (startupTimeout.isZero() || startupTimeout.isNegative()) {
				throw new IllegalArgumentException("The startup timeout must be positive, but is " + startupTimeout
						+ ". It bounds how long startup waits for the table and how long a poll may take: "
						+ "use a duration such as 10s.");
			}
			this.startupTimeout = startupTimeout;
			return this;
		}

		/**
		 * Set the scheduler that polls run on and listeners are told on, Reactor's
		 * bounded elastic scheduler by default: listeners rebuild policies, work that
		 * must not run on a database driver's event loop.
		 * @param scheduler the scheduler
		 * @return this builder
		 */
		public Builder scheduler(Scheduler scheduler) {
			Assert.notNull(scheduler, "'scheduler' must not be null");
			this.scheduler = scheduler;
			return this;
		}

		/**
		 * Build the registry. It reads nothing until
		 * {@link R2dbcCorsApplicationRegistry#afterPropertiesSet()},
		 * {@link R2dbcCorsApplicationRegistry#refresh()} or
		 * {@link R2dbcCorsApplicationRegistry#start()} is called.
		 * @return the registry
		 */
		public R2dbcCorsApplicationRegistry build() {
			return new R2dbcCorsApplicationRegistry(this);
		}

	}

}
