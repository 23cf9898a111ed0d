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

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SpringCloudRebindEnvironmentPostProcessor}: Spring Cloud's refresh leaves
 * {@link CorsGatewayProperties} alone by default, keeps its own default, and an
 * application's own setting wins.
 *
 * @author cors-gateway authors
 */
class SpringCloudRebindEnvironmentPostProcessorTests {

	private final SpringCloudRebindEnvironmentPostProcessor postProcessor = new SpringCloudRebindEnvironmentPostProcessor();

	@Test
	void addsThePropertiesClassNextToSpringCloudsDefault() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(SpringCloudRebindEnvironmentPostProcessor.NEVER_REFRESHABLE))
			.isEqualTo("com.zaxxer.hikari.HikariDataSource,io.corsgateway.autoconfigure.CorsGatewayProperties");
	}

	@Test
	void applicationsOwnSettingWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application",
					Map.of(SpringCloudRebindEnvironmentPostProcessor.NEVER_REFRESHABLE, "com.example.Pool")));
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(SpringCloudRebindEnvironmentPostProcessor.NEVER_REFRESHABLE))
			.isEqualTo("com.example.Pool");
	}

	@Test
	void addsNothingWithoutSpringCloud() {
		StandardEnvironment environment = new StandardEnvironment();
		SpringApplication application = new SpringApplication();
		// A class loader that cannot see Spring Cloud Context.
		application.setResourceLoader(
				new org.springframework.core.io.DefaultResourceLoader(new URLClassLoader(new URL[0], null)));
		this.postProcessor.postProcessEnvironment(environment, application);
		assertThat(environment.getPropertySources()
			.contains(SpringCloudRebindEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
		assertThat(environment.getProperty(SpringCloudRebindEnvironmentPostProcessor.NEVER_REFRESHABLE)).isNull();
	}

	@Test
	void addsItsPropertySourceOnce() {
		StandardEnvironment environment = new StandardEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources()
			.stream()
			.filter((source) -> source.getName()
				.equals(SpringCloudRebindEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)))
			.hasSize(1);
	}

	@Test
	void runsInEveryApplication() {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(
					context.getEnvironment().getProperty(SpringCloudRebindEnvironmentPostProcessor.NEVER_REFRESHABLE))
				.endsWith(",io.corsgateway.autoconfigure.CorsGatewayProperties");
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
