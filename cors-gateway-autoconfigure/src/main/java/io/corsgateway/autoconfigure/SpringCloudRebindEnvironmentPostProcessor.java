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

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Keeps Spring Cloud's refresh from rebinding {@link CorsGatewayProperties}, by adding
 * the class to {@code spring.cloud.refresh.never-refreshable} with the lowest precedence,
 * next to Spring Cloud's own default. The CORS reload binds {@code cors.*} afresh on each
 * refresh and reads the bound bean at startup only; Spring Cloud's rebinding of that bean
 * would add nothing, and a value that cannot be bound (such as {@code max-age: abc})
 * would make it throw, failing the whole refresh (an HTTP 500 from
 * {@code /actuator/refresh}) although the reload has already kept the policies in force
 * and reported the error.
 * <p>
 * An application that sets {@code spring.cloud.refresh.never-refreshable} itself replaces
 * this default, as it replaces Spring Cloud's, and should then list
 * {@code io.corsgateway.autoconfigure.CorsGatewayProperties} in it too.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public final class SpringCloudRebindEnvironmentPostProcessor implements EnvironmentPostProcessor {

	/** The Spring Cloud property naming the classes its refresh does not rebind. */
	static final String NEVER_REFRESHABLE = "spring.cloud.refresh.never-refreshable";

	/** Spring Cloud's own default for it, kept. */
	static final String SPRING_CLOUD_DEFAULT = "com.zaxxer.hikari.HikariDataSource";

	static final String PROPERTY_SOURCE_NAME = "corsGatewayNeverRefreshable";

	private static final String REBINDER = "org.springframework.cloud.context.properties.ConfigurationPropertiesRebinder";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!ClassUtils.isPresent(REBINDER, application.getClassLoader())
				|| environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of(NEVER_REFRESHABLE, SPRING_CLOUD_DEFAULT + "," + CorsGatewayProperties.class.getName())));
	}

}
