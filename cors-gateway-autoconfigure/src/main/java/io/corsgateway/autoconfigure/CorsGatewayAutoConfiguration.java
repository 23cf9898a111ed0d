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

import java.util.List;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.corsgateway.actuate.CorsEndpoint;
import io.corsgateway.actuate.CorsHealthIndicator;
import io.corsgateway.actuate.CorsReloadMetrics;
import io.corsgateway.actuate.CorsRequestMetrics;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.registry.CorsApplicationRegistry;
import io.corsgateway.registry.r2dbc.R2dbcCorsApplicationRegistry;
import io.corsgateway.reload.CorsPolicyReloader;
import io.corsgateway.web.CorsDecisionListener;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.server.WebFilter;

/**
 * {@link org.springframework.boot.autoconfigure.EnableAutoConfiguration
 * Auto-configuration} of cors-gateway: compiles the {@code cors.*} properties into
 * {@link CorsPolicies}, registers a {@link CorsGatewayWebFilter} applying them, and a
 * {@link CorsPolicyReloader} that rebuilds them from the {@code cors.*} properties
 * without a restart: when Spring Cloud Context reports that they changed, or when the
 * application calls {@link CorsPolicyReloader#reload(String)}. A reload replaces the
 * policies only; {@code cors.enabled}, {@code cors.filter-order},
 * {@code cors.reject-ambiguous-paths} and {@code cors.debug-headers} are read at startup.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
// After Boot's metrics and R2DBC auto-configurations, so that their MeterRegistry and
// ConnectionFactory are seen by the nested configurations; by name, because Micrometer,
// R2DBC and their auto-configurations are optional.
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(WebFilter.class)
@ConditionalOnBooleanProperty(name = "cors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CorsGatewayProperties.class)
public final class CorsGatewayAutoConfiguration {

	private static final Log logger = LogFactory.getLog(CorsGatewayAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	CorsPolicies corsPolicies(CorsGatewayProperties properties, PropertiesPolicySource corsPropertiesPolicySource) {
		CorsPolicies policies = corsPropertiesPolicySource.startup(properties);
		for (PolicyError warning : policies.getWarnings()) {
			logger.warn("CORS configuration: " + warning);
		}
		return policies;
	}

	@Bean
	@ConditionalOnMissingBean
	CorsGatewayWebFilter corsGatewayWebFilter(CorsPolicies corsPolicies, CorsGatewayProperties properties,
			ObjectProvider<CorsDecisionListener> listeners) {
		CorsGatewayWebFilter filter = new CorsGatewayWebFilter(corsPolicies);
		filter.setOrder(properties.getFilterOrder());
		filter.setRejectAmbiguousPaths(properties.isRejectAmbiguousPaths());
		filter.setDebugHeaders(properties.isDebugHeaders());
		if (properties.isDebugHeaders()) {
			logger.warn("CORS configuration: cors.debug-headers = 'true': every request the filter rejects tells "
					+ "the client why in a " + CorsGatewayWebFilter.REASON_HEADER + " header, which helps anyone "
					+ "probing the policy. Keep it for development and remove it in production.");
		}
		filter.setDecisionListeners(listeners.orderedStream().toList());
		return filter;
	}

	// Builds the policies from the cors.* properties, at startup and on each reload.
	@Bean
	@ConditionalOnMissingBean
	PropertiesPolicySource corsPropertiesPolicySource(Environment environment,
			ObjectProvider<CorsPolicyCustomizer> customizers, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<CorsApplicationRegistry> registries) {
		return new PropertiesPolicySource(environment, customizers, beanFactory, registries);
	}

	// Manages the filter's policies only when they are the ones built from properties:
	// an application's own CorsPolicies bean is never replaced by a reload.
	@Bean
	@ConditionalOnMissingBean
	CorsPolicyReloader corsPolicyReloader(CorsGatewayWebFilter corsGatewayWebFilter,
			PropertiesPolicySource corsPropertiesPolicySource) {
		return new CorsPolicyReloader(corsGatewayWebFilter, corsPropertiesPolicySource.getStartupPolicies(),
				corsPropertiesPolicySource);
	}

	// Registries report changes to the reloader, whichever reloader the context has.
	@Bean
	@ConditionalOnMissingBean
	CorsApplicationRegistryListener corsApplicationRegistryListener(ObjectProvider<CorsApplicationRegistry> registries,
			CorsPolicyReloader corsPolicyReloader, PropertiesPolicySource corsPropertiesPolicySource) {
		return new CorsApplicationRegistryListener(registries, corsPolicyReloader, corsPropertiesPolicySource);
	}

	/**
	 * The {@code cors} actuator endpoint, when Actuator is present and the endpoint is
	 * available (exposed and accessible by Boot's usual {@code management.*} rules).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Endpoint.class)
	@ConditionalOnAvailableEndpoint(CorsEndpoint.class)
	static class CorsEndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CorsEndpoint corsEndpoint(CorsGatewayWebFilter corsGatewayWebFilter,
				ObjectProvider<CorsPolicyReloader> corsPolicyReloader) {
			return new CorsEndpoint(corsGatewayWebFilter, corsPolicyReloader.getIfUnique());
		}

	}

	/**
	 * The {@code cors.requests} counter, when Micrometer is present and a registry is
	 * configured: the filter gets it as one of its decision listeners.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class CorsMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CorsRequestMetrics corsRequestMetrics(MeterRegistry meterRegistry) {
			return new CorsRequestMetrics(meterRegistry);
		}

	}

	/**
	 * The registry of applications in a database table, when Spring R2DBC is present, the
	 * application has a {@link ConnectionFactory} and {@code cors.registry.r2dbc.enabled}
	 * is true. It backs off only to a registry of the same type: registries of other
	 * types add their applications next to it.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DatabaseClient.class, ConnectionFactory.class })
	@ConditionalOnBean(ConnectionFactory.class)
	@ConditionalOnBooleanProperty("cors.registry.r2dbc.enabled")
	static class R2dbcRegistryConfiguration {

		private static final String PREFIX = "cors.registry.r2dbc.";

		// After Boot's SQL initialization, which may create the table, because the
		// first read happens when the bean is initialized.
		@Bean
		@ConditionalOnMissingBean
		@DependsOnDatabaseInitialization
		R2dbcCorsApplicationRegistry r2dbcCorsApplicationRegistry(ConnectionFactory connectionFactory,
				CorsGatewayProperties properties) {
			CorsGatewayProperties.R2dbc settings = properties.getRegistry().getR2dbc();
			R2dbcCorsApplicationRegistry.Builder builder = R2dbcCorsApplicationRegistry
				.builder(DatabaseClient.create(connectionFactory));
			set(PREFIX + "table", settings.getTable(), builder::table);
			set(PREFIX + "poll-interval", settings.getPollInterval(), builder::pollInterval);
			set(PREFIX + "startup-timeout", settings.getStartupTimeout(), builder::startupTimeout);
			return builder.build();
		}

		// The builder checks each value and says why it is wrong; the property that set
		// it is known here only.
		private static <T> void set(String property, T value, Consumer<T> setter) {
			try {
				setter.accept(value);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidConfigurationPropertyValueException(property, value, ex.getMessage());
			}
		}

	}

	/**
	 * The {@code cors.reloads} counter and the {@code cors.reload.failing} gauge, when
	 * Micrometer is present and a registry is configured.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class CorsReloadMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CorsReloadMetrics corsReloadMetrics(CorsPolicyReloader corsPolicyReloader, MeterRegistry meterRegistry) {
			return new CorsReloadMetrics(corsPolicyReloader, meterRegistry);
		}

	}

	/**
	 * The {@code cors} health indicator, when Spring Boot's health support is present and
	 * the indicator is enabled ({@code management.health.cors.enabled}).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("cors")
	static class CorsHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CorsHealthIndicator corsHealthIndicator(CorsPolicyReloader corsPolicyReloader) {
			return new CorsHealthIndicator(corsPolicyReloader);
		}

	}

	/**
	 * Reloads the policies when Spring Cloud Context reports a change of {@code cors.*}
	 * properties.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(EnvironmentChangeEvent.class)
	static class CorsEnvironmentChangeConfiguration {

		@Bean
		@ConditionalOnMissingBean
		CorsEnvironmentChangeListener corsEnvironmentChangeListener(CorsPolicyReloader corsPolicyReloader,
				Environment environment) {
			return new CorsEnvironmentChangeListener(corsPolicyReloader, environment);
		}

	}

}
