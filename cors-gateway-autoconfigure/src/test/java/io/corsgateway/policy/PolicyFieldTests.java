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
package io.corsgateway.policy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PolicyField}: the descriptors are complete, and every one of them is
 * stored by the specs and resolved from the most specific level that sets it, through the
 * same generic path.
 *
 * @author cors-gateway authors
 */
class PolicyFieldTests {

	/**
	 * Two distinct values of the field's type, so that a test can tell which level a
	 * resolved value came from. A field of a new type needs a sample here.
	 */
	@SuppressWarnings("unchecked")
	static <T> List<T> samples(PolicyField<T> field) {
		Class<?> type = field.getType();
		List<?> samples;
		if (type == Boolean.class) {
			samples = List.of(true, false);
		}
		else if (type == List.class) {
			samples = List.of(List.of("route-value"), List.of("service-value", "second"));
		}
		else if (type == Duration.class) {
			samples = List.of(Duration.ofMinutes(5), Duration.ofSeconds(90));
		}
		else if (type == Integer.class) {
			samples = List.of(200, 204);
		}
		else {
			throw new IllegalStateException("Add samples of " + type.getName() + " for " + field);
		}
		return (List<T>) samples;
	}

	@Test
	void everyConstantIsListedOnceByAll() throws IllegalAccessException {
		List<PolicyField<?>> constants = new ArrayList<>();
		for (Field constant : PolicyField.class.getDeclaredFields()) {
			if (Modifier.isStatic(constant.getModifiers()) && constant.getType() == PolicyField.class) {
				constants.add((PolicyField<?>) constant.get(null));
			}
		}
		assertThat(PolicyField.all()).hasSize(17)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(constants);
		assertThat(PolicyField.all()).extracting(PolicyField::getName)
			.doesNotHaveDuplicates()
			.allMatch((name) -> name.matches("[a-z]+(-[a-z]+)*"));
	}

	@Test
	void everyDefaultIsOfTheFieldsTypeAndOnlyMaxAgeHasNone() {
		for (PolicyField<?> field : PolicyField.all()) {
			if (field == PolicyField.MAX_AGE) {
				assertThat(field.getDefaultValue()).isNull();
			}
			else {
				assertThat(field.cast(field.getDefaultValue())).as(field.getName()).isEqualTo(field.getDefaultValue());
			}
		}
	}

	@Test
	void typeNameIsWrittenAsInTheConfigurationReference() {
		assertThat(PolicyField.ALLOWED_ORIGINS.getTypeName()).isEqualTo("List<String>");
		assertThat(PolicyField.MAX_AGE.getTypeName()).isEqualTo("Duration");
		assertThat(PolicyField.PREFLIGHT_STATUS.getTypeName()).isEqualTo("Integer");
	}

	@Test
	void listFieldsNameTheirElementTypeAndOthersNone() {
		for (PolicyField<?> field : PolicyField.all()) {
			assertThat(field.getElementType()).as(field.getName())
				.isEqualTo(List.class.equals(field.getType()) ? String.class : null);
		}
	}

	@Test
	void fieldIsPrintedAsItsPropertyName() {
		assertThat(PolicyField.ALLOWED_ORIGINS).hasToString("allowed-origins");
	}

	@Test
	void settingAValueNeedsAField() {
		DefaultsSpec defaults = CorsPolicies.builder().getDefaults();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.set(null, true));
	}

	@Test
	void buildingNeedsAnErrorCollector() {
		assertThatIllegalArgumentException().isThrownBy(() -> CorsPolicies.builder().build(null));
	}

	@Test
	void everyFieldSetAtTheRouteLevelWinsOverTheServiceAndTheDefaults() {
		for (PolicyField<?> field : PolicyField.all()) {
			assertRouteWins(field);
		}
	}

	private static <T> void assertRouteWins(PolicyField<T> field) {
		List<T> samples = samples(field);
		CorsPoliciesBuilder builder = CorsPolicies.builder();
		builder.defaults((defaults) -> defaults.set(field, samples.get(1)));
		builder.service("orders", (orders) -> orders.set(field, samples.get(1))
			.route("refunds", (refunds) -> refunds.set(field, samples.get(0))));
		ServiceSpec service = builder.getServices().iterator().next();
		RouteSpec route = service.getRoutes().iterator().next();
		ResolvedField<T> resolved = ResolvedPolicy.resolve(PolicyCompiler.levels(route, service, builder.getDefaults()))
			.get(field);
		assertThat(route.get(field)).as(field.getName()).isEqualTo(samples.get(0));
		assertThat(resolved.value()).as(field.getName()).isEqualTo(samples.get(0));
		assertThat(resolved.level()).isEqualTo(PolicyLevel.ROUTE);
		assertThat(resolved.property()).isEqualTo("cors.services.orders.routes.refunds." + field.getName());
	}

	@Test
	void everyFieldUnsetAtTheRouteIsInheritedFromTheService() {
		for (PolicyField<?> field : PolicyField.all()) {
			assertServiceInherited(field);
		}
	}

	private static <T> void assertServiceInherited(PolicyField<T> field) {
		List<T> samples = samples(field);
		CorsPoliciesBuilder builder = CorsPolicies.builder();
		builder.defaults((defaults) -> defaults.set(field, samples.get(0)));
		builder.service("orders", (orders) -> orders.set(field, samples.get(1)).route("refunds", (refunds) -> {
		}));
		ServiceSpec service = builder.getServices().iterator().next();
		RouteSpec route = service.getRoutes().iterator().next();
		ResolvedField<T> resolved = ResolvedPolicy.resolve(PolicyCompiler.levels(route, service, builder.getDefaults()))
			.get(field);
		assertThat(route.get(field)).isNull();
		assertThat(resolved.value()).as(field.getName()).isEqualTo(samples.get(1));
		assertThat(resolved.level()).isEqualTo(PolicyLevel.SERVICE);
		assertThat(resolved.property()).isEqualTo("cors.services.orders." + field.getName());
	}

	@Test
	void everyFieldUnsetEverywhereTakesItsBuiltInDefault() {
		CorsPoliciesBuilder builder = CorsPolicies.builder();
		for (PolicyField<?> field : PolicyField.all()) {
			ResolvedField<?> resolved = ResolvedPolicy.resolve(List.of(builder.getDefaults())).get(field);
			assertThat(resolved.value()).as(field.getName()).isEqualTo(field.getDefaultValue());
			assertThat(resolved.level()).isEqualTo(PolicyLevel.BUILT_IN);
			assertThat(resolved.property()).isNull();
			assertThat(resolved.source()).isEqualTo("the built-in default of " + field.getName());
		}
	}

	@Test
	void setListIsCopiedSoThatLaterChangesToTheCallersListDoNotLeakIn() {
		List<String> origins = new ArrayList<>(List.of("https://a.example"));
		DefaultsSpec defaults = CorsPolicies.builder().getDefaults();
		defaults.set(PolicyField.ALLOWED_ORIGINS, origins);
		origins.add("https://b.example");
		assertThat(defaults.get(PolicyField.ALLOWED_ORIGINS)).containsExactly("https://a.example");
	}

	@Test
	void settingNullInheritsAgain() {
		DefaultsSpec defaults = CorsPolicies.builder().getDefaults().maxAge(Duration.ofMinutes(1));
		defaults.set(PolicyField.MAX_AGE, null);
		assertThat(defaults.get(PolicyField.MAX_AGE)).isNull();
	}

	@Test
	void typedSetterIsTheGenericSetter() {
		DefaultsSpec defaults = CorsPolicies.builder()
			.getDefaults()
			.allowedHeaders("X-Request-Id")
			.preflightStatus(200);
		assertThat(defaults.get(PolicyField.ALLOWED_HEADERS)).containsExactly("X-Request-Id");
		assertThat(defaults.get(PolicyField.PREFLIGHT_STATUS)).isEqualTo(200);
	}

	@Test
	void castRefusesAValueOfAnotherType() {
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyField.MAX_AGE.cast("30m"))
			.withMessageContaining("max-age must be a Duration");
		assertThatIllegalArgumentException().isThrownBy(() -> PolicyField.ALLOWED_METHODS.cast(Arrays.asList("GET", 1)))
			.withMessageContaining("allowed-methods must be a List<String>");
	}

}
