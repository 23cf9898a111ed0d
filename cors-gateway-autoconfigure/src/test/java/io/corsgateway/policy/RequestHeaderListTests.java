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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Rules of {@link CorsPolicy#allowedRequestHeaders} and {@link CorsPolicy#allowsMethod}:
 * {@code Access-Control-Request-Headers} is a comma-separated list of tokens with
 * optional spaces and tabs and empty elements; every listed name must be allowed, and the
 * answer lists the names without the padding.
 *
 * @author cors-gateway authors
 */
class RequestHeaderListTests {

	private static final CorsPolicies POLICIES = CorsPolicies.builder()
		.service("listed",
				(listed) -> listed.paths("/listed/**")
					.allowedOrigins("https://shop.example.com")
					.allowedMethods("GET", "PUT")
					.allowedHeaders("Content-Type", "X-Request-Id"))
		.service("wildcard",
				(wildcard) -> wildcard.paths("/wildcard/**")
					.allowedOrigins("https://shop.example.com")
					.allowedMethods("*")
					.allowedHeaders("*"))
		.service("wildcardAndAuthorization",
				(both) -> both.paths("/both/**")
					.allowedOrigins("https://shop.example.com")
					.allowedHeaders("*", "Authorization"))
		.build();

	private static final CorsPolicy LISTED = policy("/listed/x");

	private static final CorsPolicy WILDCARD = policy("/wildcard/x");

	private static final CorsPolicy WILDCARD_AND_AUTHORIZATION = policy("/both/x");

	private static CorsPolicy policy(String path) {
		return POLICIES.find("api.example.com", PathContainer.parsePath(path), "GET");
	}

	@Test
	void absentListAllowsAndAdvertisesNothing() {
		assertThat(LISTED.allowedRequestHeaders(null)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", ",", " , ,\t,", "\t" })
	void listOfOnlyEmptyElementsAllowsAndAdvertisesNothing(String requested) {
		assertThat(LISTED.allowedRequestHeaders(requested)).isEmpty();
	}

	@Test
	void canonicalListIsAnsweredAsSent() {
		assertThat(LISTED.allowedRequestHeaders("x-request-id,Content-Type")).isEqualTo("x-request-id,Content-Type");
	}

	@Test
	void canonicalListIsAnsweredWithoutACopy() {
		String requested = "x-request-id,Content-Type";
		assertThat(LISTED.allowedRequestHeaders(requested)).isSameAs(requested);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "x-request-id", "x-request-id, content-type" })
	void askingWhyAnAllowedListIsRefusedIsAProgrammingError(String requested) {
		assertThatIllegalStateException().isThrownBy(() -> LISTED.requestHeadersRefusal(requested));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false,
			value = { " content-type|content-type", "content-type |content-type", "\tcontent-type\t|content-type",
					"content-type, x-request-id|content-type,x-request-id",
					"content-type ,x-request-id|content-type,x-request-id",
					"content-type,,x-request-id|content-type,x-request-id", "content-type,|content-type",
					",content-type|content-type", " , content-type , , x-request-id , |content-type,x-request-id" })
	void paddingAndEmptyElementsAreDroppedFromTheAnswer(String requested, String answer) {
		assertThat(LISTED.allowedRequestHeaders(requested)).isEqualTo(answer);
	}

	@ParameterizedTest
	@ValueSource(strings = { "x-other", "content-type,x-other", "x-other,content-type", "content-type, x-other ",
			"content-typ", "content-types", "x-request-id2" })
	void anyNameNotAllowedRefusesTheWholeList(String requested) {
		assertThat(LISTED.allowedRequestHeaders(requested)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "content type", "content-type;x", "content-type\u0000", "(content-type)",
			"content-type\r\n", "content-type,x/y" })
	void nameThatIsNotATokenRefusesTheList(String requested) {
		assertThat(WILDCARD.allowedRequestHeaders(requested)).isNull();
	}

	@Test
	void namesCompareCaseInsensitively() {
		assertThat(LISTED.allowedRequestHeaders("CONTENT-TYPE,X-Request-ID")).isEqualTo("CONTENT-TYPE,X-Request-ID");
	}

	@Test
	void wildcardAllowsAnyTokenName() {
		assertThat(WILDCARD.allowedRequestHeaders("x-anything,content-type")).isEqualTo("x-anything,content-type");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "authorization", "Authorization", "AUTHORIZATION", "x-id,authorization", " authorization " })
	void wildcardNeverCoversAuthorization(String requested) {
		assertThat(WILDCARD.allowedRequestHeaders(requested)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "authorizatio", "authorizations", "x-authorization", "authorisation" })
	void wildcardCoversNamesThatOnlyResembleAuthorization(String requested) {
		assertThat(WILDCARD.allowedRequestHeaders(requested)).isEqualTo(requested);
	}

	@Test
	void authorizationListedNextToTheWildcardIsAllowed() {
		assertThat(WILDCARD_AND_AUTHORIZATION.allowedRequestHeaders("x-id, Authorization"))
			.isEqualTo("x-id,Authorization");
	}

	@Test
	void listedMethodsCompareCaseSensitively() {
		assertThat(LISTED.allowsMethod("PUT")).isTrue();
		assertThat(LISTED.allowsMethod("put")).isFalse();
		assertThat(LISTED.allowsMethod("DELETE")).isFalse();
	}

	@Test
	void wildcardMethodsAllowAnyToken() {
		assertThat(WILDCARD.allowsMethod("PURGE")).isTrue();
		assertThat(WILDCARD.allowsMethod("x-custom!")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "GET POST", "GET,POST", "G\u00c9T" })
	void wildcardMethodsRefuseNonTokens(String method) {
		assertThat(WILDCARD.allowsMethod(method)).isFalse();
	}

}
