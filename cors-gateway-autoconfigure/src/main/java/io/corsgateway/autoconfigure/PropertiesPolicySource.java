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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPoliciesBuilder;
import io.corsgateway.policy.InvalidCorsPolicyException;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.registry.CorsApplicationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;

/**
 * The one place that builds {@link CorsPolicies} from the {@code cors.*} properties: it
 * maps them onto a builder, lets the {@link CorsPolicyCustomizer} beans adjust it, adds
 * the unknown keys and the Spring Security check, and builds. At startup it builds from
 * the bound {@link CorsGatewayProperties} bean; as the supplier of the
 * {@link io.corsgateway.reload.CorsPolicyReloader} it binds {@code cors.*} again from the
 * {@link Environment} into a new instance each time, so that an invalid value never
 * reaches the bound bean, and a value that cannot be bound (such as {@code max-age: abc})
 * fails the reload with an error naming the property. The applications of every
 * {@link CorsApplicationRegistry} bean are added each time, as registered applications:
 * one that is invalid is skipped and reported, and never fails the build.
 * <p>
 * A reload rebuilds the policies only. {@code cors.enabled}, {@code cors.filter-order},
 * {@code cors.reject-ambiguous-paths} and {@code cors.debug-headers} shape the filter and
 * are read at startup, as are the {@code cors.registry.r2dbc.*} properties that build the
 * registry: a reload that finds one of them changed reports a warning saying that a
 * restart is needed, and the policies it built apply meanwhile.
 *
 * @author cors-gateway authors
 */
final class PropertiesPolicySource implements Supplier<CorsPolicies> {

	private final Environment environment;

	private final ObjectProvider<CorsPolicyCustomizer> customizers;

	private final ConfigurableListableBeanFactory beanFactory;

	private final ObjectProvider<CorsApplicationRegistry> registries;

	// Written once, when the startup policies are built from the bound properties; null
	// when the application has a CorsPolicies bean of its own.
	private volatile @Nullable Startup startup;

	PropertiesPolicySource(Environment environment, ObjectProvider<CorsPolicyCustomizer> customizers,
			ConfigurableListableBeanFactory beanFactory, ObjectProvider<CorsApplicationRegistry> registries) {
		this.environment = environment;
		this.customizers = customizers;
		this.beanFactory = beanFactory;
		this.registries = registries;
	}

	/**
	 * Build the startup policies from the bound properties.
	 * @param properties the bound properties
	 * @return the policies
	 * @throws InvalidCorsPolicyException when the properties are invalid
	 */
	CorsPolicies startup(CorsGatewayProperties properties) {
		CorsPolicies policies = build(properties, List.of());
		this.startup = new Startup(policies, FilterSettings.of(properties), copy(properties.getRegistry().getR2dbc()));
		return policies;
	}

	/**
	 * The policies {@link #startup} built, which a reload may replace.
	 * @return the startup policies, or {@code null} when none were built here
	 */
	@Nullable CorsPolicies getStartupPolicies() {
		Startup startup = this.startup;
		return (startup != null) ? startup.policies() : null;
	}

	/**
	 * Build policies from the {@code cors.*} properties as the environment holds them
	 * now.
	 * @return the policies
	 * @throws InvalidCorsPolicyException when the properties are invalid or cannot be
	 * bound
	 */
	@Override
	public CorsPolicies get() {
		try {
			CorsGatewayProperties properties = Binder.get(this.environment)
				.bindOrCreate("cors", Bindable.of(CorsGatewayProperties.class));
			return build(properties, restartWarnings(properties));
		}
		catch (BindException ex) {
			throw new InvalidCorsPolicyException(List.of(bindError(ex)));
		}
	}

	private CorsPolicies build(CorsGatewayProperties properties, List<PolicyError> warnings) {
		CorsGatewayPropertiesMapper mapper = new CorsGatewayPropertiesMapper(properties,
				this.customizers.orderedStream().toList(), UnknownCorsProperties.find(this.environment));
		CorsPoliciesBuilder builder = mapper.toBuilder();
		// After the customizers, so that what a registry holds is judged against the
		// scopes as the application finally declares them.
		this.registries.orderedStream()
			.forEach((registry) -> builder.registeredApplications(registry.getApplications()));
		// Recorded before building, so that the policies report it with their own
		// warnings (the actuator endpoint lists them).
		List<PolicyError> allWarnings = new ArrayList<>(warnings);
		allWarnings.addAll(PreflightContinueSecurityCheck.warnings(builder, this.beanFactory,
				this.beanFactory.getBeanClassLoader()));
		return mapper.build(builder, allWarnings);
	}

	private List<PolicyError> restartWarnings(CorsGatewayProperties properties) {
		Startup startup = this.startup;
		if (startup == null) {
			return List.of();
		}
		FilterSettings before = startup.settings();
		FilterSettings now = FilterSettings.of(properties);
		List<PolicyError> warnings = new ArrayList<>();
		restartWarning(warnings, "cors.enabled", before.enabled(), now.enabled());
		restartWarning(warnings, "cors.filter-order", before.filterOrder(), now.filterOrder());
		restartWarning(warnings, "cors.reject-ambiguous-paths", before.rejectAmbiguousPaths(),
				now.rejectAmbiguousPaths());
		restartWarning(warnings, "cors.debug-headers", before.debugHeaders(), now.debugHeaders());
		CorsGatewayProperties.R2dbc registry = properties.getRegistry().getR2dbc();
		registryRestartWarning(warnings, "enabled", startup.registry().isEnabled(), registry.isEnabled());
		registryRestartWarning(warnings, "table", startup.registry().getTable(), registry.getTable());
		registryRestartWarning(warnings, "poll-interval", startup.registry().getPollInterval(),
				registry.getPollInterval());
		registryRestartWarning(warnings, "startup-timeout", startup.registry().getStartupTimeout(),
				registry.getStartupTimeout());
		return warnings;
	}

	private static void restartWarning(List<PolicyError> warnings, String property, Object before, Object now) {
		if (!Objects.equals(before, now)) {
			warnings.add(new PolicyError(property, now, "Changed from '" + before + "' since startup, but this "
					+ "setting shapes the filter and is read at startup only: restart the application to apply it. "
					+ "The reloaded policies apply meanwhile, with the filter's startup value."));
		}
	}

	// The registry is built at startup: a reload reads the applications it holds, never
	// its settings, so switching it off, for one, takes a restart.
	private static void registryRestartWarning(List<PolicyError> warnings, String name, Object before, Object now) {
		if (!Objects.equals(before, now)) {
			warnings.add(new PolicyError("cors.registry.r2dbc." + name, now, "Changed from '" + before
					+ "' since startup, but this setting builds the registry of applications and is read at startup "
					+ "only: restart the application to apply it. The reloaded policies apply meanwhile, with the "
					+ "applications of the registry as it was built at startup."));
		}
	}

	private static PolicyError bindError(BindException ex) {
		ConfigurationProperty property = ex.getProperty();
		Origin origin = (property != null) ? property.getOrigin() : null;
		String cause = String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage());
		cause = cause.endsWith(".") ? cause.substring(0, cause.length() - 1) : cause;
		return new PolicyError(ex.getName().toString(), (property != null) ? property.getValue() : null,
				"Cannot be bound to " + ex.getTarget().getType() + ": " + cause + "."
						+ ((origin != null) ? " It is set in " + origin + "." : "")
						+ " Correct the value; the policies in force stay until then.");
	}

	// The bound bean may be rebound later (Spring Cloud), so its startup values are kept.
	private static CorsGatewayProperties.R2dbc copy(CorsGatewayProperties.R2dbc registry) {
		CorsGatewayProperties.R2dbc copy = new CorsGatewayProperties.R2dbc();
		copy.setEnabled(registry.isEnabled());
		copy.setTable(registry.getTable());
		copy.setPollInterval(registry.getPollInterval());
		copy.setStartupTimeout(registry.getStartupTimeout());
		return copy;
	}

	private record Startup(CorsPolicies policies, FilterSettings settings, CorsGatewayProperties.R2dbc registry) {

	}

	// The properties that shape the filter itself, read at startup only.
	private record FilterSettings(boolean enabled, int filterOrder, boolean rejectAmbiguousPaths,
			boolean debugHeaders) {

		static FilterSettings of(CorsGatewayProperties properties) {
			return new FilterSettings(properties.isEnabled(), properties.getFilterOrder(),
					properties.isRejectAmbiguousPaths(), properties.isDebugHeaders());
		}

	}

}
