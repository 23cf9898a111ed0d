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
package io.corsgateway.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.convert.DurationUnit;

/**
 * Configuration properties for cors-gateway, bound from {@code cors.*}.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@ConfigurationProperties("cors")
public class CorsGatewayProperties {

	/**
	 * Whether to register the CORS filter at all.
	 */
	private boolean enabled = true;

	/**
	 * Order of the CORS filter among WebFilters. The default runs it just before Spring
	 * Security's WebFilterChainProxy (-100).
	 */
	private int filterOrder = CorsGatewayWebFilter.DEFAULT_ORDER;

	/**
	 * Whether to refuse with 400, before any policy is chosen, requests whose path a
	 * server behind the gateway could resolve to another path: dot segments (also with
	 * ';' parameters), empty segments, backslashes, and encoded dots, slashes,
	 * backslashes or percent signs.
	 */
	private boolean rejectAmbiguousPaths = true;

	/**
	 * Whether the literal parts of service and route paths are matched case-sensitively,
	 * as WebFlux and Spring Cloud Gateway do by default. Set it to false when a handler
	 * or upstream matches paths ignoring case, so that '/ADMIN' gets the policy of
	 * '/admin/**'.
	 */
	private boolean caseSensitivePaths = true;

	/**
	 * Whether to add a Cors-Gateway-Reason header naming the reason to the answer of a
	 * request the filter rejects itself (403 or 400), which a browser's network tab
	 * shows. Keep it off in production: it tells any client why it was refused.
	 */
	private boolean debugHeaders;

	/**
	 * Policy fields inherited by every service and route.
	 */
	@NestedConfigurationProperty
	private final CorsPolicyProperties defaults = new CorsPolicyProperties();

	/**
	 * Services by id, each matched by path patterns and optionally hosts.
	 */
	private final Map<String, CorsServiceProperties> services = new LinkedHashMap<>();

	/**
	 * Origin sets by name: lists of origins that any allowed-origins, and any
	 * application, reference as 'set:<name>'. Members take the forms allowed-origins
	 * accepts except '*', 'null' and another reference.
	 */
	private final Map<String, List<String>> originSets = new LinkedHashMap<>();

	/**
	 * Applications by id: the origins of each are allowed on the services and routes it
	 * is registered with, in addition to the origins of those scopes.
	 */
	private final Map<String, CorsApplicationProperties> applications = new LinkedHashMap<>();

	/**
	 * Registries of applications kept outside the configuration.
	 */
	private final Registry registry = new Registry();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getFilterOrder() {
		return this.filterOrder;
	}

	public void setFilterOrder(int filterOrder) {
		this.filterOrder = filterOrder;
	}

	public boolean isRejectAmbiguousPaths() {
		return this.rejectAmbiguousPaths;
	}

	public void setRejectAmbiguousPaths(boolean rejectAmbiguousPaths) {
		this.rejectAmbiguousPaths = rejectAmbiguousPaths;
	}

	public boolean isCaseSensitivePaths() {
		return this.caseSensitivePaths;
	}

	public void setCaseSensitivePaths(boolean caseSensitivePaths) {
		this.caseSensitivePaths = caseSensitivePaths;
	}

	public boolean isDebugHeaders() {
		return this.debugHeaders;
	}

	public void setDebugHeaders(boolean debugHeaders) {
		this.debugHeaders = debugHeaders;
	}

	public CorsPolicyProperties getDefaults() {
		return this.defaults;
	}

	public Map<String, CorsServiceProperties> getServices() {
		return this.services;
	}

	public Map<String, List<String>> getOriginSets() {
		return this.originSets;
	}

	public Map<String, CorsApplicationProperties> getApplications() {
		return this.applications;
	}

	public Registry getRegistry() {
		return this.registry;
	}

	/**
	 * Registries of applications kept outside the configuration.
	 */
	public static class Registry {

		/**
		 * The registry in a database table read through R2DBC.
		 */
		private final R2dbc r2dbc = new R2dbc();

		public R2dbc getR2dbc() {
			return this.r2dbc;
		}

	}

	/**
	 * The registry of applications in a database table read through R2DBC, which every
	 * gateway instance of a fleet can share.
	 */
	public static class R2dbc {

		/**
		 * Whether to read registered applications from a database table through the
		 * application's R2DBC ConnectionFactory. Off unless set, so that an application
		 * that uses R2DBC for its own data does not poll a table it does not have.
		 */
		private boolean enabled;

		/**
		 * Name of the table of registered applications: a plain SQL identifier,
		 * optionally after a schema name and a dot.
		 */
		private String table = "cors_application";

		/**
		 * Interval between two reads of the whole table: the longest a change takes to
		 * reach each gateway instance. A bare number means seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration pollInterval = Duration.ofSeconds(10);

		/**
		 * How long startup waits for the first read of the table before it goes on
		 * without the stored applications; a poll that takes longer is abandoned. A bare
		 * number means seconds.
		 */
		@DurationUnit(ChronoUnit.SECONDS)
		private Duration startupTimeout = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getTable() {
			return this.table;
		}

		public void setTable(String table) {
			this.table = table;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public Duration getStartupTimeout() {
			return this.startupTimeout;
		}

		public void setStartupTimeout(Duration startupTimeout) {
			this.startupTimeout = startupTimeout;
		}

	}

}
